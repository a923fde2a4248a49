using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="ILanguageIdentifier"/>: offline, thread-safe, allocation-free per call. The script decides
/// first (Devanagari → <c>hi</c>, Arabic → <c>ar</c>, Han → <c>zh</c>, Kana → <c>ja</c>, Hangul → <c>ko</c>, and the other
/// scripts that one language owns); Latin-script text goes to a small embedded statistical model
/// (<c>Models/language.nplt</c>, a multinomial logistic model over character n-grams and words) that knows
/// en, fr, es, pt, de, it, nl, pl, sw, romanised Hindi (<c>hi</c> with script <c>Latn</c>) and romanised Arabic
/// ("Arabizi", <c>ar</c> with script <c>Latn</c>).
/// </summary>
/// <remarks>
/// <para>
/// The result is <c>"unknown"</c> when the text has fewer than <see cref="MinimumLetters"/> letters (empty, digits,
/// emoji, punctuation), when its main script is one several languages share and the model does not cover (Cyrillic),
/// or when the model's probability for its best language is below <see cref="MinimumConfidence"/>. Only the first
/// <see cref="MaximumCharacters"/> characters are read.
/// </para>
/// <para>
/// A text with a third or more of its letters in a non-Latin script is taken to be in that script's language, the
/// Latin words being loan words. Devanagari is also the script of Marathi and Nepali, and the Arabic script that of Urdu and Persian: a Devanagari
/// text is reported as Hindi, and an Arabic-script text as Arabic unless it uses letters Arabic does not have
/// (Urdu <c>ٹ ڈ ڑ ں ے</c> → <c>ur</c>; Persian <c>پ چ ژ گ</c> without them → <c>fa</c>).
/// </para>
/// </remarks>
public sealed class LanguageIdentifier : ILanguageIdentifier
{
    /// <summary>The default of <see cref="MinimumConfidence"/>.</summary>
    public const double DefaultMinimumConfidence = 0.4;

    /// <summary>The default of <see cref="MinimumLetters"/>.</summary>
    public const int DefaultMinimumLetters = 3;

    /// <summary>
    /// The number of characters read from the start of a text; the rest is ignored (plenty to tell a language, and it
    /// bounds the cost of long messages).
    /// </summary>
    public const int MaximumCharacters = 256;

    /// <summary>The file name of the embedded model under <c>Models/</c>.</summary>
    internal const string ModelFileName = "language.nplt";

    private static readonly Lazy<LanguageIdentifier> s_default = new(
        () => new LanguageIdentifier(LinearTextModel.LoadEmbedded(ModelFileName), DefaultMinimumConfidence, DefaultMinimumLetters),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly LinearTextModel _model;
    private readonly string[] _languages;
    private readonly string[] _scripts;

    /// <summary>Creates an identifier on the embedded model with the given thresholds.</summary>
    /// <param name="minimumConfidence">The least probability, between 0 and 1, the best language must have not to be reported as unknown.</param>
    /// <param name="minimumLetters">The least number of letters a text must have not to be reported as unknown; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is out of its range.</exception>
    public LanguageIdentifier(double minimumConfidence = DefaultMinimumConfidence, int minimumLetters = DefaultMinimumLetters)
        : this(s_default.Value._model, minimumConfidence, minimumLetters)
    {
    }

    /// <summary>Creates an identifier on <paramref name="model"/> (tests, the trainer).</summary>
    internal LanguageIdentifier(LinearTextModel model, double minimumConfidence, int minimumLetters)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (double.IsNaN(minimumConfidence) || minimumConfidence is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumConfidence), minimumConfidence, "The minimum confidence must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minimumLetters, 1);
        _model = model;
        MinimumConfidence = minimumConfidence;
        MinimumLetters = minimumLetters;

        // Model labels are "fr" (script Latn) or "hi-Latn"; the language is the part before '-'.
        _languages = new string[model.ClassCount];
        _scripts = new string[model.ClassCount];
        for (var i = 0; i < model.ClassCount; i++)
        {
            var label = model.Labels[i];
            var dash = label.IndexOf('-', StringComparison.Ordinal);
            _languages[i] = dash < 0 ? label : label[..dash];
            _scripts[i] = dash < 0 ? Scripts.Latin : label[(dash + 1)..];
        }
    }

    /// <summary>The shared instance on the embedded model with the default thresholds (loaded on first use).</summary>
    public static LanguageIdentifier Default => s_default.Value;

    /// <summary>The least probability the best language must have not to be reported as unknown.</summary>
    public double MinimumConfidence { get; }

    /// <summary>The least number of letters a text must have not to be reported as unknown.</summary>
    public int MinimumLetters { get; }

    /// <summary>The ISO 639-1 codes the statistical model distinguishes in Latin script.</summary>
    public IReadOnlyList<string> LatinLanguages => _languages;

    /// <inheritdoc/>
    public LanguageIdentification Identify(ReadOnlySpan<char> text)
    {
        if (text.Length > MaximumCharacters)
        {
            text = text[..MaximumCharacters];
        }

        var counts = ScriptCounts.Of(text);
        if (counts.Letters < MinimumLetters)
        {
            return counts.Letters == 0 ? LanguageIdentification.Unknown : new(LanguageIdentification.UnknownLanguage, counts.MainScript(), 0);
        }

        var script = counts.MainScript();
        var share = counts.MainCount / (double)counts.Letters;
        if (script == Scripts.Latin && counts.OtherScript() is { } other && counts.Count(other) * 3 >= counts.Letters)
        {
            // Latin words in a Devanagari or Arabic sentence are loan words ("मुझे doctor के पास जाना है"): people
            // rarely write a Latin-script language with a third of its letters in another script.
            script = other;
            share = counts.Count(other) / (double)counts.Letters;
        }
        return script switch
        {
            Scripts.Latin => IdentifyLatin(text),
            Scripts.Devanagari => new("hi", script, Confidence(share)),
            Scripts.Arabic => counts.UrduLetters > 0 ? new("ur", script, Confidence(share) * 0.9)
                : counts.PersianLetters > 0 ? new("fa", script, Confidence(share) * 0.8)
                : new("ar", script, Confidence(share)),
            Scripts.Han => new("zh", counts.TraditionalHan > counts.SimplifiedHan ? Scripts.HanTraditional : Scripts.HanSimplified, Confidence(share)),
            Scripts.Japanese => new("ja", script, Confidence(share)),
            Scripts.Korean => new("ko", script, Confidence(share)),
            Scripts.Greek => new("el", script, Confidence(share)),
            Scripts.Hebrew => new("he", script, Confidence(share)),
            Scripts.Thai => new("th", script, Confidence(share)),
            Scripts.Bengali => new("bn", script, Confidence(share) * 0.9),
            Scripts.Gurmukhi => new("pa", script, Confidence(share)),
            Scripts.Gujarati => new("gu", script, Confidence(share)),
            Scripts.Tamil => new("ta", script, Confidence(share)),
            Scripts.Telugu => new("te", script, Confidence(share)),
            Scripts.Kannada => new("kn", script, Confidence(share)),
            Scripts.Malayalam => new("ml", script, Confidence(share)),
            Scripts.Georgian => new("ka", script, Confidence(share)),
            Scripts.Armenian => new("hy", script, Confidence(share)),
            Scripts.Ethiopic => new("am", script, Confidence(share) * 0.9),
            _ => new(LanguageIdentification.UnknownLanguage, script, 0),
        };
    }

    /// <summary>
    /// The text the model reads: <see cref="GuardText"/> normalisation keeping Latin diacritics (ã, ñ, ł, ß tell
    /// languages apart), then runs of three or more single letters joined into one word ("h a t e" → "hate").
    /// </summary>
    /// <param name="text">Any text.</param>
    /// <param name="destination">At least as long as <paramref name="text"/>.</param>
    /// <returns>The number of characters written.</returns>
    internal static int Prepare(ReadOnlySpan<char> text, Span<char> destination)
    {
        var length = GuardText.Normalize(text, destination, keepDiacritics: true);
        return JoinSpacedLetters(destination, length);
    }

    /// <summary>The string form of <see cref="Prepare(ReadOnlySpan{char}, Span{char})"/> (training).</summary>
    internal static string Prepare(string text)
    {
        var buffer = new char[text.Length];
        return new string(buffer, 0, Prepare(text, buffer));
    }

    /// <summary>Joins, in place, runs of three or more one-character words of normalised text.</summary>
    internal static int JoinSpacedLetters(Span<char> s, int length)
    {
        var write = 0;
        var read = 0;
        while (read < length)
        {
            var end = read;
            while (end < length && s[end] != ' ')
            {
                end++;
            }

            if (end - read == 1)
            {
                // Extend over following one-character words: " x" where x is followed by a space or the end.
                var runEnd = end;
                var count = 1;
                while (runEnd + 1 < length && s[runEnd] == ' ' && (runEnd + 2 == length || s[runEnd + 2] == ' '))
                {
                    count++;
                    runEnd += 2;
                }

                if (count >= 3)
                {
                    if (write > 0)
                    {
                        s[write++] = ' ';
                    }

                    for (var p = read; p < runEnd; p += 2)
                    {
                        s[write++] = s[p];
                    }

                    read = runEnd + 1;
                    continue;
                }
            }

            if (write > 0)
            {
                s[write++] = ' ';
            }

            s[read..end].CopyTo(s[write..]);
            write += end - read;
            read = end + 1;
        }

        return write;
    }

    /// <summary>A script-decided confidence: high when the script is nearly all of the letters.</summary>
    private static double Confidence(double share) => Math.Round(Math.Clamp(share, 0, 1) * 0.99, 4);

    private LanguageIdentification IdentifyLatin(ReadOnlySpan<char> text)
    {
        char[]? rented = null;
        var buffer = text.Length <= MaximumCharacters ? stackalloc char[MaximumCharacters] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        try
        {
            var length = Prepare(text, buffer);
            Span<float> probabilities = stackalloc float[_model.ClassCount];
            _model.Predict(buffer[..length], probabilities);
            var best = 0;
            for (var c = 1; c < probabilities.Length; c++)
            {
                if (probabilities[c] > probabilities[best])
                {
                    best = c;
                }
            }

            var confidence = Math.Round(probabilities[best], 4);
            return confidence < MinimumConfidence
                ? new(LanguageIdentification.UnknownLanguage, Scripts.Latin, 0)
                : new(_languages[best], _scripts[best], confidence);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}
