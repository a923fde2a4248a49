using System;
using Microsoft.Extensions.Compliance.Redaction;

namespace Nonprofit.Privacy.Compliance;

/// <summary>
/// A Microsoft.Extensions.Compliance <see cref="Redactor"/> for free text: it redacts the personal data inside
/// a value (with the <see cref="PiiRedactor"/>'s operators) and keeps the rest, where the canonical redactors
/// erase or hash the whole value. Register it with
/// <c>services.AddRedaction(b =&gt; b.SetRedactor&lt;FreeTextRedactor&gt;(NonprofitTaxonomy.FreeText))</c>
/// after <c>AddNonprofitPrivacy()</c>.
/// </summary>
public sealed class FreeTextRedactor : Redactor
{
    private readonly PiiRedactor _redactor;

    /// <summary>Initializes the redactor.</summary>
    /// <param name="redactor">The PII redactor that finds and replaces personal data.</param>
    public FreeTextRedactor(PiiRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        _redactor = redactor;
    }

    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input) => _redactor.Redact(input.ToString()).Length;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetRedactedLength(ReadOnlySpan{char})"/>.</exception>
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var redacted = _redactor.Redact(source.ToString());
        if (redacted.Length > destination.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} characters but the redacted value needs {redacted.Length}; size it with GetRedactedLength.",
                nameof(destination));
        }

        redacted.AsSpan().CopyTo(destination);
        return redacted.Length;
    }
}
