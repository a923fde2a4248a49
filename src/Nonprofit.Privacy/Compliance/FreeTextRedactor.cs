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
/// <remarks>
/// With logging redaction's default <c>ApplyDiscriminator = true</c>, the logger hands the redactor
/// <c>"value:TagName"</c> so that hashing redactors differ per field; that suffix is redacted with the value and
/// kept (recognizers allow for it, so an address at the end of the value is still found). Set <c>EnableRedaction(o =&gt; o.ApplyDiscriminator = false)</c> to log free
/// text without it.
/// <para>
/// When redaction throws (a vault that times out, a custom operator failing), the whole value is logged as
/// <c>&lt;REDACTION_FAILED&gt;</c>: the record is kept and nothing of the value is written.
/// </para>
/// </remarks>
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
    public override int GetRedactedLength(ReadOnlySpan<char> input) => RedactToString(input).Length;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetRedactedLength(ReadOnlySpan{char})"/>.</exception>
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var redacted = RedactToString(source);
        if (redacted.Length > destination.Length)
        {
            throw new ArgumentException(
                $"The destination has {destination.Length} characters but the redacted value needs {redacted.Length}; size it with GetRedactedLength.",
                nameof(destination));
        }

        redacted.AsSpan().CopyTo(destination);
        return redacted.Length;
    }

    /// <summary>The value written instead when redaction fails (a vault or a custom operator throwing).</summary>
    internal const string FailedValue = "<REDACTION_FAILED>";

    private string RedactToString(ReadOnlySpan<char> source)
    {
        try
        {
            return _redactor.Redact(source.ToString());
        }
#pragma warning disable CA1031 // The logger drops a record whose redactor throws; fail closed and keep the record instead.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return FailedValue;
        }
    }
}
