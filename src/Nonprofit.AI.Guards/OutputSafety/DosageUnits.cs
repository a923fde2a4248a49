using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Nonprofit.AI.Guards;

/// <summary>Mass (base unit mg) or volume (base unit ml).</summary>
internal enum DosageDimension
{
    Mass,
    Volume,
}

/// <summary>What an amount is per: flags, none for one dose.</summary>
[Flags]
internal enum DosageBasis
{
    Dose = 0,
    BodyKg = 1,
    Day = 2,
    Hectare = 4,
    WaterLitre = 8,
}

/// <summary>A parsed unit: multiply a number by <see cref="Factor"/> to get mg or ml per the canonical basis.</summary>
internal readonly record struct DosageQuantity(DosageDimension Dimension, double Factor, DosageBasis Basis);

/// <summary>Reads amounts with units (mg, g, ml, L, mg/kg, per day, per hectare, per 20 L knapsack) in many languages.</summary>
internal static partial class DosageUnits
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Number = @"\d{1,3}(?:[\u00A0\u202F]\d{3})+|\d+(?:[.,]\d+)?";

    /// <summary>An amount: optional count ("2 x"), a number or range, a unit.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}.,])(?:(?<count>\d{1,2})\s*(?:x|×|\*)\s*)?(?<n>" + Number + @")(?:\s*(?:-|–|to|à|a|bis|hadi|au|até|y|and|et|und)\s*(?<n2>" + Number + @"))?\s*" +
        @"(?<u>mcg|µg|μg|ug|mg|milligram(?:me)?s?|miligramos?|miligramas?|gr?|grams?|grammes?|gramm|gramos?|gramas?|kg|kilos?|kilogram(?:me)?s?|kilogramos?|kilogramas?|ml|mls|millilit(?:re|er)s?|mililitros?|cl|dl|l|lit(?:re|er)s?|litros?|lita|cc)(?![\p{L}\p{N}])",
        Options)]
    private static partial Regex AmountRegex();

    /// <summary>One basis right after an amount (anchored): "/kg", "per day", "a day", "per 20 L knapsack", "per hectare", "daily".</summary>
    [GeneratedRegex(
        @"\G\s*(?:(?:/|per|par|por|pro|kwa|a|an|al|ao|au|each|every|in|dans|en|em|je)\s*(?:(?<bn>\d+(?:[.,]\d+)?)\s*-?\s*)?" +
        @"(?<b>kg|kilos?|kilograms?|kilogrammes?|day|d|jour|d[ií]a|dia|tag|siku|din|ha|hectares?|hect[aá]reas?|hektar|acres?|l|lit(?:re|er)s?|litros?|lita)(?:\s*(?:of\s+)?(?:body\s*weight|water|d'eau|de\s+agua|de\s+[aá]gua|wasser|ya\s+maji|knapsack|sprayer|tank|pump|pulv[ée]risateur|mochila|bomba|spritze))?" +
        @"|(?<daily>daily|every\s+day|par\s+jour|quotidien(?:ne)?s?|al\s+d[ií]a|diarios?|di[aá]rios?|por\s+dia|t[äa]glich|kila\s+siku|rozana|pratidin))(?![\p{L}])",
        Options)]
    private static partial Regex BasisRegex();

    /// <summary>A volume that is the water carrier ("20 L of water", "a 15 litre knapsack"), right after the amount.</summary>
    [GeneratedRegex(@"\G\s*(?:of\s+)?(?:clean\s+)?(?:water|d'eau|de\s+agua|de\s+[aá]gua|wasser|ya\s+maji|maji|knapsack|sprayer|tank|pump|pulv[ée]risateur|mochila|bomba|spritze)", Options)]
    private static partial Regex CarrierRegex();

    /// <summary>The substance between an amount and its basis: "20 ml <i>of neem oil</i> per litre".</summary>
    [GeneratedRegex(@"\G\s+(?:of|de|du|des|d'|da|do|von)\s*(?:[\p{L}-]+\s+){1,3}?(?=(?:/|per|par|por|pro|kwa|a|an|al|ao|au|each|every|in|dans|en|em|je)\s)", Options)]
    private static partial Regex SubstanceGapRegex();

    /// <summary>How many doses a day: "3 times a day", "twice daily", "every 6 hours" and their fr, es, pt, de forms.</summary>
    [GeneratedRegex(
        @"(?<![\p{L}])(?:(?<f>\d+|once|twice|thrice|one|two|three|four|five|six|une?|deux|trois|quatre|cinq|una|dos|tres|cuatro|cinco|seis|uma|duas|dois|tr[eê]s|quatro|ein|zwei|drei|vier|f[üu]nf|sechs)\s*(?:times?|x|fois|veces|vezes|mal)?\s*(?:a|per|par|por|al|ao|am|pro|daily|t[äa]glich)\s*(?:day|jour|d[ií]a|dia|tag)?" +
        @"|(?:every|toutes\s+les|cada|a\s+cada|alle)\s*(?<h>\d+)\s*(?:hours?|hrs?|h|heures|horas|stunden))(?![\p{L}])",
        Options)]
    private static partial Regex FrequencyRegex();

    /// <summary>Parses a unit expression of <see cref="DosageLimit.Unit"/>, or returns null.</summary>
    public static DosageQuantity? ParseUnit(string unit)
    {
        var text = "1 " + unit.Trim();
        var m = AmountRegex().Match(text);
        if (!m.Success || m.Index != 0 || UnitOf(m.Groups["u"].Value) is not { } q)
        {
            return null;
        }

        var end = m.Index + m.Length;
        var parsed = ParseBases(text, ref end, q);
        return end == text.Length ? parsed : null;
    }

    /// <summary>Enumerates the amounts of <paramref name="text"/> (most replies have none: the scan is one regex pass).</summary>
    public static MatchCollection Amounts(string text) => AmountRegex().Matches(text);

    /// <summary>The quantity of an amount match (with its bases), and the position after it; null when the unit is unknown.</summary>
    public static DosageQuantity? QuantityOf(string text, Match amount, out int end)
    {
        end = amount.Index + amount.Length;
        if (UnitOf(amount.Groups["u"].Value) is not { } q)
        {
            return null;
        }

        var parsed = ParseBases(text, ref end, q);
        if (parsed.Basis == DosageBasis.Dose && SubstanceGapRegex().Match(text, end) is { Success: true } gap)
        {
            var afterGap = gap.Index + gap.Length;
            var withBasis = ParseBases(text, ref afterGap, q);
            if (withBasis.Basis != DosageBasis.Dose)
            {
                (parsed, end) = (withBasis, afterGap);
            }
        }

        return parsed;
    }

    /// <summary>Whether the amount ending at <paramref name="end"/> is the water it is mixed in ("in 20 L of water").</summary>
    public static bool IsCarrier(string text, int end) => CarrierRegex().IsMatch(text, end);

    /// <summary>The number of doses a day the sentence states, or 0.</summary>
    public static double DosesPerDay(string text, int start, int length)
    {
        var m = FrequencyRegex().Match(text, start, length);
        if (!m.Success)
        {
            return 0;
        }

        if (m.Groups["h"].Success)
        {
            var hours = ParseNumber(m.Groups["h"].Value);
            return hours is > 0 and <= 24 ? Math.Floor(24 / hours) : 0;
        }

        return m.Groups["f"].Value.ToLowerInvariant() switch
        {
            "once" or "one" or "un" or "une" or "una" or "uma" or "ein" => 1,
            "twice" or "two" or "deux" or "dos" or "duas" or "dois" or "zwei" => 2,
            "thrice" or "three" or "trois" or "tres" or "três" or "drei" => 3,
            "four" or "quatre" or "cuatro" or "quatro" or "vier" => 4,
            "five" or "cinq" or "cinco" or "fünf" or "funf" => 5,
            "six" or "seis" or "sechs" => 6,
            var digits => ParseNumber(digits) is var n and > 0 and <= 24 ? n : 0,
        };
    }

    /// <summary>Reads "1.5", "0,5", "1,000" (thousands), "2.000" (thousands), "1 000" (with a no-break space).</summary>
    public static double ParseNumber(string s)
    {
        s = s.Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
        var sep = s.IndexOfAny(['.', ',']);
        if (sep > 0)
        {
            var thousands = s.Length - sep - 1 == 3 && sep <= 3;
            s = thousands ? s.Remove(sep, 1) : s.Replace(',', '.');
        }

        return double.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
    }

    private static DosageQuantity ParseBases(string text, ref int end, DosageQuantity q)
    {
        for (var i = 0; i < 3; i++)
        {
            var b = BasisRegex().Match(text, end);
            if (!b.Success || b.Length == 0)
            {
                break;
            }

            var (basis, factor) = b.Groups["daily"].Success ? (DosageBasis.Day, 1.0) : BasisOf(b.Groups["b"].Value, b.Groups["bn"]);
            if ((q.Basis & basis) != 0 || double.IsNaN(factor))
            {
                break;
            }

            q = q with { Basis = q.Basis | basis, Factor = q.Factor * factor };
            end = b.Index + b.Length;
        }

        return q;
    }

    private static (DosageBasis Basis, double Factor) BasisOf(string word, Group number)
    {
        var n = number.Success ? ParseNumber(number.Value) : 1;
        if (!(n > 0))
        {
            return (DosageBasis.Dose, double.NaN);
        }

        var w = word.ToLowerInvariant();
        return w switch
        {
            "kg" or "kilo" or "kilos" or "kilogram" or "kilograms" or "kilogramme" or "kilogrammes" => (DosageBasis.BodyKg, 1 / n),
            "ha" or "hektar" or "hectare" or "hectares" or "hectarea" or "hectareas" or "hectárea" or "hectáreas" => (DosageBasis.Hectare, 1 / n),
            "acre" or "acres" => (DosageBasis.Hectare, 2.4710538 / n),
            "l" or "litre" or "litres" or "liter" or "liters" or "litro" or "litros" or "lita" => (DosageBasis.WaterLitre, 1 / n),
            _ => (DosageBasis.Day, 1 / n),
        };
    }

    private static DosageQuantity? UnitOf(string unit)
    {
        var u = unit.ToLowerInvariant();
        return u switch
        {
            "mcg" or "µg" or "μg" or "ug" => new(DosageDimension.Mass, 0.001, DosageBasis.Dose),
            "mg" or "milligram" or "milligrams" or "milligramme" or "milligrammes" or "miligramo" or "miligramos" or "miligrama" or "miligramas" => new(DosageDimension.Mass, 1, DosageBasis.Dose),
            "g" or "gr" or "gram" or "grams" or "gramme" or "grammes" or "gramm" or "gramo" or "gramos" or "grama" or "gramas" => new(DosageDimension.Mass, 1_000, DosageBasis.Dose),
            "kg" or "kilo" or "kilos" or "kilogram" or "kilograms" or "kilogramme" or "kilogrammes" or "kilogramo" or "kilogramos" or "kilograma" or "kilogramas" => new(DosageDimension.Mass, 1_000_000, DosageBasis.Dose),
            "ml" or "mls" or "cc" or "millilitre" or "millilitres" or "milliliter" or "milliliters" or "mililitro" or "mililitros" => new(DosageDimension.Volume, 1, DosageBasis.Dose),
            "cl" => new(DosageDimension.Volume, 10, DosageBasis.Dose),
            "dl" => new(DosageDimension.Volume, 100, DosageBasis.Dose),
            "l" or "litre" or "litres" or "liter" or "liters" or "litro" or "litros" or "lita" => new(DosageDimension.Volume, 1_000, DosageBasis.Dose),
            _ => null,
        };
    }
}
