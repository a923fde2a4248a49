using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Finds amounts of configured substances in a reply and compares them with their <see cref="DosageLimit"/>s; also
/// flags lethal-amount wording ("lethal dose", "enough to kill") next to any amount, known substance or not.
/// Thread-safe: no state after construction.
/// </summary>
internal sealed partial class DosageChecker
{
    /// <summary>The score of an amount above a limit's maximum, or of lethal-amount wording.</summary>
    public const double OverScore = 0.9;

    /// <summary>The score of an amount below a limit's minimum (under-dosing: less direct harm).</summary>
    public const double UnderScore = 0.6;

    private const int LethalWindow = 80;

    private readonly (string Alias, DosageLimit Limit)[] _aliases;

    public DosageChecker(IEnumerable<DosageLimit> limits)
    {
        var aliases = new List<(string, DosageLimit)>();
        foreach (var limit in limits)
        {
            foreach (var alias in limit.Aliases)
            {
                aliases.Add((alias, limit));
            }
        }

        _aliases = [.. aliases];
    }

    [GeneratedRegex(
        @"(?:lethal|fatal|deadly|toxic|killing)\s+(?:dose|dosage|amount|quantity)|(?:dose|amount)\s+(?:that\s+(?:will|would|can)\s+)?(?:is\s+)?(?:lethal|fatal|deadly)|enough\s+to\s+(?:kill|die|end)|" +
        @"dose\s+(?:l[ée]tale|mortelle)|quantit[ée]\s+mortelle|dosis\s+(?:letal|mortal|t[óo]xica\s+mortal)|dose\s+(?:letal|fatal|mortal)|suficiente\s+para\s+(?:matar|morir|morrer)|" +
        @"(?:t[öo]dliche|letale)\s+(?:dosis|menge)|kipimo\s+cha\s+(?:kuua|kifo)|(?:जानलेवा|घातक)\s+(?:खुराक|मात्रा)|jaanlewa\s+khurak|جرعة\s+(?:قاتلة|مميتة)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LethalRegex();

    /// <summary>The highest score of the amounts in <paramref name="text"/> (0 when all are in range or none is found).</summary>
    public double Check(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return 0;
        }

        var amounts = DosageUnits.Amounts(text);
        if (amounts.Count == 0)
        {
            return 0;
        }

        var score = 0.0;
        foreach (Match lethal in LethalRegex().Matches(text))
        {
            foreach (Match amount in amounts)
            {
                if (Math.Abs(amount.Index - lethal.Index) <= LethalWindow)
                {
                    return OverScore;
                }
            }
        }

        if (_aliases.Length == 0)
        {
            return 0;
        }

        Span<DosageQuantity> readings = stackalloc DosageQuantity[3];
        for (var i = 0; i < amounts.Count; i++)
        {
            var amount = amounts[i];
            if (DosageUnits.QuantityOf(text, amount, out var end) is not { } q || DosageUnits.IsCarrier(text, end))
            {
                continue;
            }

            if (Substance(text, amount.Index, amount.Index + amount.Length) is not { } substance)
            {
                continue;
            }

            var low = DosageUnits.ParseNumber(amount.Groups["n"].Value);
            var high = amount.Groups["n2"].Success ? DosageUnits.ParseNumber(amount.Groups["n2"].Value) : low;
            var count = amount.Groups["count"].Success ? DosageUnits.ParseNumber(amount.Groups["count"].Value) : 1;
            if (!double.IsFinite(low) || !double.IsFinite(high) || !double.IsFinite(count))
            {
                continue;
            }

            // The amount as written, plus the readings the sentence allows: per litre of the water it is mixed in, and per
            // day when a frequency is given.
            var (sentenceStart, sentenceLength) = SentenceBoundaries.Around(text, amount.Index);
            var n = 0;
            readings[n++] = q with { Factor = q.Factor * count };
            if (q.Basis == DosageBasis.Dose && CarrierLitres(text, amounts, sentenceStart, sentenceLength) is > 0 and var litres)
            {
                readings[n++] = new(q.Dimension, q.Factor * count / litres, DosageBasis.WaterLitre);
            }

            if ((q.Basis & (DosageBasis.Day | DosageBasis.Hectare | DosageBasis.WaterLitre)) == 0 && DosageUnits.DosesPerDay(text, sentenceStart, sentenceLength) is > 0 and var perDay)
            {
                readings[n++] = new(q.Dimension, q.Factor * count * perDay, q.Basis | DosageBasis.Day);
            }

            foreach (var (alias, limit) in _aliases)
            {
                if (!string.Equals(alias, substance, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var l = limit.Quantity;
                for (var r = 0; r < n; r++)
                {
                    if (readings[r].Dimension != l.Dimension || readings[r].Basis != l.Basis)
                    {
                        continue;
                    }

                    var factor = readings[r].Factor / l.Factor;
                    if (high * factor > limit.Maximum * (1 + 1e-9))
                    {
                        return OverScore;
                    }

                    if (low * factor < limit.Minimum * (1 - 1e-9))
                    {
                        score = Math.Max(score, UnderScore);
                    }
                }
            }
        }

        return score;
    }

    private static double CarrierLitres(string text, MatchCollection amounts, int start, int length)
    {
        foreach (Match m in amounts)
        {
            if (m.Index < start || m.Index >= start + length)
            {
                continue;
            }

            if (DosageUnits.QuantityOf(text, m, out var end) is { Dimension: DosageDimension.Volume, Basis: DosageBasis.Dose } q && DosageUnits.IsCarrier(text, end))
            {
                var litres = DosageUnits.ParseNumber(m.Groups["n"].Value) * q.Factor / 1000;
                return litres > 0 ? litres : 0;
            }
        }

        return 0;
    }

    /// <summary>The alias nearest before the amount (any distance), else the nearest after it within the sentence.</summary>
    private string? Substance(string text, int amountStart, int amountEnd)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (alias, _) in _aliases)
        {
            var before = LastWordIndex(text, alias, amountStart);
            if (before >= 0 && amountStart - before < bestDistance)
            {
                best = alias;
                bestDistance = amountStart - before;
            }
        }

        if (best is not null)
        {
            return best;
        }

        var (sStart, sLength) = SentenceBoundaries.Around(text, amountStart);
        var sEnd = sStart + sLength;
        foreach (var (alias, _) in _aliases)
        {
            var after = FirstWordIndex(text, alias, amountEnd, sEnd);
            if (after >= 0 && after - amountEnd < bestDistance)
            {
                best = alias;
                bestDistance = after - amountEnd;
            }
        }

        return best;
    }

    private static int LastWordIndex(string text, string word, int before)
    {
        var pos = before - 1;
        while (pos >= word.Length - 1)
        {
            var i = text.LastIndexOf(word, pos, pos + 1, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return -1;
            }

            if (IsWord(text, i, word.Length))
            {
                return i;
            }

            pos = i + word.Length - 2;
        }

        return -1;
    }

    private static int FirstWordIndex(string text, string word, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            i = text.IndexOf(word, i, to - i, StringComparison.OrdinalIgnoreCase);
            if (i < 0)
            {
                return -1;
            }

            if (IsWord(text, i, word.Length))
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    private static bool IsWord(string text, int start, int length) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) &&
        (start + length >= text.Length || !char.IsLetterOrDigit(text[start + length]));
}
