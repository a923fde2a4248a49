using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Options;

namespace Nonprofit.Privacy;

/// <summary>
/// Replaces the personal data a <see cref="PiiDetector"/> finds, with an operator per entity type. Thread-safe.
/// </summary>
public sealed class PiiRedactor
{
    private readonly PiiDetector _detector;
    private readonly PiiRedactorOptions _options;
    private readonly IPseudonymVault _vault;
    private readonly ReadOnlyMemory<byte> _hashKey;

    /// <summary>Initializes a redactor with typed placeholders and an in-memory vault.</summary>
    /// <param name="detector">The detector.</param>
    public PiiRedactor(PiiDetector detector)
        : this(detector, new PiiRedactorOptions(), new InMemoryPseudonymVault())
    {
    }

    /// <summary>Initializes a redactor.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="options">The operators and key.</param>
    /// <param name="vault">Where pseudonyms are kept.</param>
    /// <exception cref="ArgumentException">
    /// The hash key is set but shorter than 32 bytes, <see cref="RedactionOperator.KeyedHash"/> is used without a key, an
    /// operator is null, or the default scope is empty.
    /// </exception>
    public PiiRedactor(PiiDetector detector, PiiRedactorOptions options, IPseudonymVault vault)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(vault);
        if (ValidationError(options) is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _detector = detector;
        _options = options;
        _vault = vault;
        _hashKey = options.HashKey is null ? ReadOnlyMemory<byte>.Empty : (byte[])options.HashKey.Clone();
    }

    /// <summary>Initializes a redactor from dependency injection.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="vault">Where pseudonyms are kept.</param>
    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public PiiRedactor(PiiDetector detector, IOptions<PiiRedactorOptions> options, IPseudonymVault vault)
        : this(detector, (options ?? throw new ArgumentNullException(nameof(options))).Value, vault)
    {
    }

    /// <summary>Gets the detector.</summary>
    public PiiDetector Detector => _detector;

    /// <summary>Gets the vault of pseudonyms.</summary>
    public IPseudonymVault Vault => _vault;

    /// <summary>Redacts <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scope">The pseudonym scope (for example a conversation id); <see cref="PiiRedactorOptions.DefaultScope"/> when null.</param>
    /// <returns>The text with every match replaced; the same instance when nothing was found.</returns>
    public string Redact(string text, string? scope = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = _detector.Detect(text);
        if (matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        Apply(text, matches, scope, builder);
        return builder.ToString();
    }

    /// <summary>Redacts <paramref name="text"/> with matches found earlier, appending the result.</summary>
    /// <param name="text">The text the matches were found in.</param>
    /// <param name="matches">Matches ordered by position and not overlapping, as <see cref="PiiDetector.Detect(string)"/> returns them.</param>
    /// <param name="scope">The pseudonym scope; <see cref="PiiRedactorOptions.DefaultScope"/> when null.</param>
    /// <param name="destination">Receives the redacted text.</param>
    /// <exception cref="ArgumentException">A match lies outside the text, or matches overlap or are out of order.</exception>
    public void Apply(ReadOnlySpan<char> text, IReadOnlyList<PiiMatch> matches, string? scope, StringBuilder destination)
    {
        ArgumentNullException.ThrowIfNull(matches);
        ArgumentNullException.ThrowIfNull(destination);
        var context = new RedactionContext(scope ?? _options.DefaultScope, _vault, _hashKey);

        // Every match is checked before anything is written, so a bad one never leaves half-redacted text behind.
        var end = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (m.Start < end || m.Length <= 0 || m.Start > text.Length || m.Length > text.Length - m.Start)
            {
                throw new ArgumentException(
                    $"Match {i} ({m.Type}, start {m.Start}, length {m.Length}) is out of order, overlaps the previous one or lies outside the text of length {text.Length}.",
                    nameof(matches));
            }

            end = m.Start + m.Length;
        }

        var position = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            destination.Append(text[position..m.Start]);
            OperatorFor(m.Type).Write(text.Slice(m.Start, m.Length), m.Type, context, destination);
            position = m.End;
        }

        destination.Append(text[position..]);
    }

    /// <summary>Returns why <paramref name="options"/> cannot build a redactor, or null when they can (also run by dependency injection's validation).</summary>
    internal static string? ValidationError(PiiRedactorOptions options)
    {
        if (options.HashKey is { Length: < 32 })
        {
            return "PiiRedactorOptions.HashKey must have at least 32 bytes.";
        }

        if (string.IsNullOrEmpty(options.DefaultScope))
        {
            return "PiiRedactorOptions.DefaultScope must not be empty.";
        }

        if (options.DefaultOperator is null)
        {
            return "PiiRedactorOptions.DefaultOperator must be set.";
        }

        var usesKeyedHash = ReferenceEquals(options.DefaultOperator, RedactionOperator.KeyedHash);
        foreach (var (type, op) in options.Operators)
        {
            if (op is null)
            {
                return $"PiiRedactorOptions.Operators[{type}] is null; remove it or set an operator.";
            }

            usesKeyedHash |= ReferenceEquals(op, RedactionOperator.KeyedHash);
        }

        return usesKeyedHash && options.HashKey is null
            ? "RedactionOperator.KeyedHash is configured but PiiRedactorOptions.HashKey is not set; load a key of at least 32 bytes from a secret store."
            : null;
    }

    /// <summary>
    /// Writes a piece of a value that a stream releases in several pieces: a mask masks every letter and digit of
    /// each piece (keeping none at the end); any other operator writes its replacement for the first piece only.
    /// </summary>
    internal void WritePiece(ReadOnlySpan<char> value, PiiEntityType type, string? scope, bool continuation, StringBuilder destination)
    {
        var op = OperatorFor(type);
        if (op is MaskOperator mask)
        {
            mask.Write(value, 0, destination);
        }
        else if (!continuation)
        {
            op.Write(value, type, new RedactionContext(scope ?? _options.DefaultScope, _vault, _hashKey), destination);
        }
    }

    private RedactionOperator OperatorFor(PiiEntityType type) =>
        _options.Operators.TryGetValue(type.Name, out var op) ? op : _options.DefaultOperator;
}
