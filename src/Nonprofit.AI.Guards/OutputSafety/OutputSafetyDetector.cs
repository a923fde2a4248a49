using System;
using System.Collections.Generic;
using System.Linq;
using Nonprofit.AI.Guards.Detection;
using Nonprofit.Privacy;

namespace Nonprofit.AI.Guards;

/// <summary>
/// The default <see cref="IOutputSafetyDetector"/>, offline: multilingual rules for self-harm instructions, an embedded
/// linear model for hate and harassment (trained on Multilingual HateCheck, CC BY 4.0, and our own English cases), a
/// dosage parser against <see cref="OutputSafetyDetectorOptions.DosageLimits"/>, Nonprofit.Privacy for personal data,
/// and lexical overlap for groundedness. Thread-safe; build one and share it.
/// </summary>
/// <remarks>
/// Personal data the user gave in the conversation (<see cref="OutputSafetyContext.UserTexts"/>), found in the app's
/// sources, or listed in <see cref="OutputSafetyDetectorOptions.AllowedPersonalData"/> is allowed: a reply may say the
/// user's own phone number back to them. Phone numbers and identifiers are compared by their last nine digits, other
/// values case-insensitively.
/// </remarks>
public sealed class OutputSafetyDetector : IOutputSafetyDetector
{
    private const int CompareDigits = 9;

    private static readonly Lazy<OutputSafetyDetector> s_default = new(() => new OutputSafetyDetector());

    private readonly OutputSafetyDetectorOptions _options;
    private readonly PiiDetector? _pii;
    private readonly HateSpeechModel? _hate;
    private readonly DosageChecker _dosage;
    private readonly IList<string> _allowed;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>. Read once: later changes are not seen.</param>
    /// <param name="piiDetector">Finds personal data; a default Nonprofit.Privacy detector when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public OutputSafetyDetector(OutputSafetyDetectorOptions? options = null, PiiDetector? piiDetector = null)
        : this(options, piiDetector, null)
    {
    }

    internal OutputSafetyDetector(OutputSafetyDetectorOptions? options, PiiDetector? piiDetector, HateSpeechModel? hateModel)
    {
        _options = options ?? new OutputSafetyDetectorOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _pii = _options.CheckPersonalData ? piiDetector ?? DefaultDetector.Instance : null;
        _hate = _options.CheckHate ? hateModel ?? HateSpeechModel.Default : null;
        _dosage = new DosageChecker(_options.DosageLimits);
        _allowed = [.. _options.AllowedPersonalData];
    }

    /// <summary>One detector with the default options, built on first use.</summary>
    public static OutputSafetyDetector Default => s_default.Value;

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="reply"/> is <see langword="null"/>.</exception>
    public GuardDetection Detect(string reply, OutputSafetyContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Length == 0)
        {
            return GuardDetection.None;
        }

        context ??= OutputSafetyContext.Empty;
        List<GuardFinding>? findings = null;
        if (_options.CheckSelfHarmInstructions && SelfHarmInstructionRules.Score(reply) is > 0 and var selfHarm)
        {
            (findings ??= []).Add(new(GuardCategories.OutputSelfHarmInstructions, selfHarm));
        }

        if (_hate?.Score(reply, _options.HateThreshold) is { } hate && hate >= _options.HateThreshold)
        {
            (findings ??= []).Add(new(GuardCategories.OutputHate, hate));
        }

        if (_dosage.Check(reply) is > 0 and var dosage)
        {
            (findings ??= []).Add(new(GuardCategories.OutputDangerousAdvice, dosage));
        }

        if (_pii is not null && PersonalData(reply, context) is > 0 and var personal)
        {
            (findings ??= []).Add(new(GuardCategories.OutputPersonalData, personal));
        }

        if (_options.MinimumGroundedness > 0 && context.Sources.Count > 0 &&
            GroundednessScorer.Groundedness(reply, context.Sources, _options.SentenceSupport) is var grounded && grounded < _options.MinimumGroundedness)
        {
            (findings ??= []).Add(new(GuardCategories.OutputUngrounded, 1 - grounded));
        }

        return findings is null ? GuardDetection.None : new GuardDetection(findings);
    }

    /// <summary>The highest score of a personal-data match that is not allowed, or 0.</summary>
    private double PersonalData(string reply, OutputSafetyContext context)
    {
        var matches = _pii!.Detect(reply);
        var score = 0.0;
        string? digits = null;
        foreach (var m in matches)
        {
            if (m.Score < _options.PersonalDataMinScore || !_options.PersonalDataTypes.Contains(m.Type.Name))
            {
                continue;
            }

            var value = reply.AsSpan(m.Start, m.Length);
            if (IsAllowed(value, context, ref digits))
            {
                continue;
            }

            score = Math.Max(score, Math.Clamp(m.Score, 0, 1));
        }

        return score;
    }

    private bool IsAllowed(ReadOnlySpan<char> value, OutputSafetyContext context, ref string? knownDigits)
    {
        Span<char> buffer = stackalloc char[Math.Min(value.Length, 64)];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }

        if (n >= 5)
        {
            knownDigits ??= string.Concat(context.UserTexts.Concat(context.Sources).Concat(_allowed).Select(t => new string([.. t.Where(char.IsAsciiDigit)]).Insert(0, "|")));
            return knownDigits.AsSpan().IndexOf(buffer[Math.Max(0, n - CompareDigits)..n]) >= 0;
        }

        return Contains(context.UserTexts, value) || Contains(context.Sources, value) || Contains(_allowed, value);
    }

    private static bool Contains(IEnumerable<string> texts, ReadOnlySpan<char> value)
    {
        foreach (var t in texts)
        {
            if (t.AsSpan().Contains(value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
