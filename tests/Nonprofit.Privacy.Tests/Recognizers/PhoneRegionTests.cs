using System.Text.RegularExpressions;
using CsCheck;
using Nonprofit.Privacy.Recognizers;
using PhoneNumbers;

namespace Nonprofit.Privacy.Tests.Recognizers;

/// <summary>
/// The cheap per-region check in front of libphonenumber (lengths, general pattern) never skips a valid
/// number: libphonenumber's own example numbers of every default region, written nationally, are found.
/// </summary>
public sealed class PhoneRegionTests
{
    private static readonly PiiDetector s_detector = new();

    public static TheoryData<string, PhoneNumberType> Examples()
    {
        var data = new TheoryData<string, PhoneNumberType>();
        foreach (var region in new PiiDetectorOptions().DefaultRegions)
        {
            data.Add(region, PhoneNumberType.FIXED_LINE);
            data.Add(region, PhoneNumberType.MOBILE);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Detect_ExampleNumberInNationalFormat_ReportsAValidPhoneNumber(string region, PhoneNumberType type)
    {
        var phones = PhoneNumberUtil.GetInstance();
        var example = phones.GetExampleNumberForType(region, type);
        Assert.NotNull(example);
        var national = phones.Format(example, PhoneNumberFormat.NATIONAL);
        var text = $"Please call me on {national} tonight.";

        var matches = s_detector.Detect(text);

        Assert.Contains(matches, m => m.Type == PiiEntityType.PhoneNumber && m.Score >= 0.8 && m.Start <= 18 && m.End >= 18 + national.Length - 1);
    }

    public static TheoryData<string> Regions() => [.. new PiiDetectorOptions().DefaultRegions];

    [Theory]
    [MemberData(nameof(Regions))]
    public void TryNumber_AnyDigits_IsWhatParseReturns(string region)
    {
        var phones = PhoneNumberUtil.GetInstance();
        var plan = NumericRecognizer.RegionPlan.Create(phones, region);
        var cc = phones.GetCountryCodeForRegion(region).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = plan.NationalPrefix;

        // Random digits, digits after the trunk prefix, and the region's own example numbers (national digits).
        var digits = Gen.OneOf(
            Gen.Char['0', '9'].Array[2, 17].Select(d => new string(d)),
            Gen.Char['0', '9'].Array[6, 14].Select(d => prefix + new string(d)),
            Gen.Char['0', '9'].Array[6, 12].Select(d => cc + new string(d)),
            Gen.Char['1', '9'].Array[7, 11].Select(d => new string(d)),
            Gen.Char['0', '9'].Array[12, 13].Select(d => "0" + new string(d)), // a carrier code after the trunk prefix (BR)
            Gen.Char['0', '9'].Array[8, 13].Select(d => "90" + new string(d)));
        var fastPathTaken = 0;
        var leadingZeros = 0;
        digits.Sample(d =>
        {
            if (plan.TryNationalNumber(d, out var nsnStart))
            {
                // What the recognizer checks: the national significant number, leading zeros included.
                var reference = phones.Parse(d, region);
                Assert.Equal(phones.GetNationalSignificantNumber(reference), d[nsnStart..]);
                Assert.Equal(phones.IsValidNumberForRegion(reference, region), plan.IsValidNational(d.AsSpan(nsnStart)));
                leadingZeros += d[nsnStart] == '0' ? 1 : 0;
            }

            var number = plan.TryNumber(d);
            if (number is null)
            {
                return;
            }

            fastPathTaken++;
            var parsed = phones.Parse(d, region);
            Assert.Equal(parsed.CountryCode, number.CountryCode);
            Assert.Equal(parsed.NationalNumber, number.NationalNumber);
            Assert.Equal(parsed.HasNumberOfLeadingZeros, number.HasNumberOfLeadingZeros);
            Assert.Equal(parsed.NumberOfLeadingZeros, number.NumberOfLeadingZeros);
            Assert.Equal(phones.IsValidNumberForRegion(parsed, region), phones.IsValidNumberForRegion(number, region));
        }, iter: 6000);

        foreach (var type in new[] { PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE })
        {
            var example = phones.GetExampleNumberForType(region, type);
            var national = new string([.. phones.Format(example, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit)]);
            var number = plan.TryNumber(national) ?? phones.Parse(national, region);
            Assert.True(phones.IsValidNumberForRegion(number, region));
        }

        Assert.True(fastPathTaken > 100, $"{fastPathTaken}"); // the fast path is the common one
        Assert.True(leadingZeros > 0 || plan.NationalPrefix == "0", $"{leadingZeros}"); // kept where no trunk prefix strips the zero
    }

    // Calling codes of the default regions, shared ones (+1, +7, +44 with its crown dependencies, +262, +590), a
    // non-geographic one (+800), codes that start like others (+35x, +8xx) and leading zeros kept after the code (+39, +41 (0)).
    public static TheoryData<string> CallingCodes() =>
        ["1", "7", "27", "33", "34", "39", "41", "44", "55", "91", "234", "254", "255", "256", "262", "351", "590", "599", "800", "358", "886"];

    [Theory]
    [MemberData(nameof(CallingCodes))]
    public void IsValidInternational_AnyDigits_IsWhatIsValidNumberOfParseSays(string callingCode)
    {
        var phones = PhoneNumberUtil.GetInstance();
        var recognizer = new NumericRecognizer(new PiiDetectorOptions().DefaultRegions);
        var examples = phones.GetRegionCodesForCountryCode(int.Parse(callingCode, System.Globalization.CultureInfo.InvariantCulture))
            .Select(r => phones.GetExampleNumberForType(r, PhoneNumberType.MOBILE) ?? phones.GetExampleNumberForType(r, PhoneNumberType.FIXED_LINE))
            .Where(n => n is not null)
            .Select(n => phones.GetNationalSignificantNumber(n))
            .ToArray();
        var national = Gen.OneOf(
            Gen.Char['0', '9'].Array[4, 13].Select(d => new string(d)),
            Gen.Char['0', '9'].Array[4, 11].Select(d => "0" + new string(d)), // a trunk prefix after the country code
            examples.Length == 0 ? Gen.Const("2025550123") : Pick(examples).SelectMany(e => Gen.Int[0, e.Length - 1].SelectMany(i =>
                Gen.Char['0', '9'].Select(c => string.Concat(e.AsSpan(0, i), [c], e.AsSpan(i + 1))))));
        var written = Gen.Select(national, Pick("+", "00", "+ ", "00 "), Pick("", " ", "-", "."),
            (n, lead, separator) => lead + callingCode + separator + n);
        var fastPathTaken = 0;
        written.Sample(raw =>
        {
            Span<char> digits = stackalloc char[32];
            digits = digits[..TextScan.CopyDigits(raw, digits)];
            var fast = recognizer.IsValidInternational(raw, digits);
            if (fast is null)
            {
                return;
            }

            fastPathTaken++;
            var text = raw.StartsWith('+') ? raw : "+" + raw[2..];
            Assert.Equal(phones.IsValidNumber(phones.Parse(text, "ZZ")), fast.Value);
        }, iter: 3000);

        Assert.True(callingCode == "800" || fastPathTaken > 500, $"{fastPathTaken}"); // non-geographic codes are left to libphonenumber
    }

    [Fact]
    public void DigitAutomaton_EveryRegionsPatterns_MatchWhatTheRegularExpressionsMatch()
    {
        var phones = PhoneNumberUtil.GetInstance();
        var compiled = 0;
        foreach (var region in phones.GetSupportedRegions().Order(StringComparer.Ordinal))
        {
            var m = phones.GetMetadataForRegion(region);
            string[] patterns =
            [
                .. new[] { m.GeneralDesc, m.FixedLine, m.Mobile, m.TollFree, m.PremiumRate, m.SharedCost, m.Voip, m.PersonalNumber, m.Pager, m.Uan, m.Voicemail }
                    .Select(d => d?.NationalNumberPattern ?? ""),
                m.InternationalPrefix ?? "", m.LeadingDigits ?? "",
            ];
            var automaton = DigitAutomaton.Compile(patterns);
            compiled++;
            var whole = patterns.Select(p => new Regex($"^(?:{p})$", RegexOptions.CultureInvariant)).ToArray();
            var prefix = patterns.Select(p => new Regex($"^(?:{p})", RegexOptions.CultureInvariant)).ToArray();
            var examples = new[] { m.FixedLine, m.Mobile, m.TollFree }.Select(d => d?.ExampleNumber).Where(e => !string.IsNullOrEmpty(e)).ToArray();
            var digits = Gen.OneOf(
                Gen.Char['0', '9'].Array[0, 17].Select(d => new string(d)),
                examples.Length == 0 ? Gen.Const("1") : Pick(examples!).SelectMany(e => Gen.Int[0, e!.Length - 1].SelectMany(i =>
                    Gen.Char['0', '9'].Select(c => string.Concat(e.AsSpan(0, i), [c], e.AsSpan(i + 1))))));
            digits.Sample(d =>
            {
                var mask = automaton.MatchAll(d);
                for (var p = 0; p < patterns.Length; p++)
                {
                    Assert.Equal(whole[p].IsMatch(d), (mask & (1u << p)) != 0);
                    Assert.Equal(prefix[p].IsMatch(d), automaton.PrefixLengths(d, 1u << p) != 0);
                }
            }, iter: 300);
        }

        Assert.True(compiled > 200, $"{compiled}");
    }

    private static Gen<T> Pick<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    [Theory]
    [InlineData("(?=1)2")]
    [InlineData("1$")]
    [InlineData(@"(1)\1")]
    [InlineData("1++")]
    public void DigitAutomaton_SyntaxOutsideTheSubset_Throws(string pattern) =>
        Assert.Throws<NotSupportedException>(() => DigitAutomaton.Compile([pattern]));
}
