using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using PhoneNumbers;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// One pass over the digit runs of a text (digits with single separators such as space, hyphen, dot, slash,
/// parentheses), validating each run and its sub-runs as phone numbers (libphonenumber), payment cards
/// (Luhn), US SSNs (valid ranges), BR CPF, IN Aadhaar (Verhoeff), UK NHS (mod 11), ZA ids (Luhn and birth
/// date), FR NIR (key mod 97), NG NIN and KE ids (context only) and IPv4 addresses.
/// </summary>
internal sealed class NumericRecognizer : IPiiRecognizer
{
    private const int MaxGroups = 12;
    private const int MaxRunLength = 48;
    private const int MaxNationalLength = 17;

    /// <summary>
    /// The type of a number labelled as a checksummed identifier (card, Aadhaar, CPF, NIR, SSN, NIF) whose check fails:
    /// not the identifier's own type, which is always checksum-validated, but still personal data to redact.
    /// </summary>
    internal static PiiEntityType UnverifiedId => PiiEntityType.UnverifiedId;

    private static readonly PiiEntityType[] s_types =
    [
        PiiEntityType.PhoneNumber, PiiEntityType.CreditCard, UnverifiedId, PiiEntityType.UsSsn, PiiEntityType.BrCpf,
        PiiEntityType.InAadhaar, PiiEntityType.UkNhs, PiiEntityType.ZaId, PiiEntityType.FrNir, PiiEntityType.NgNin,
        PiiEntityType.KeNationalId, PiiEntityType.IpAddress,
    ];

    // The plans of a number that is not a calling code (a marker, compared by reference).
    private static readonly RegionPlan[] s_notACallingCode = [null!];

    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly RegionPlan[] _regions;
    private readonly RegionPlan[]?[] _plansByCallingCode = new RegionPlan[]?[1000];

    public NumericRecognizer(IEnumerable<string> defaultRegions)
    {
        _regions = [.. defaultRegions.Select(r => RegionPlan.For(_phones, r))];
    }

    // libphonenumber's parse is the costly step: a region is tried only when the digit count (less its trunk
    // prefix) is one of the lengths its numbering plan allows and, where the region's national prefix is a plain
    // string, when the national significant number matches the plan's general pattern, which every valid
    // number of the region matches (libphonenumber checks it first too), so no valid number is skipped.
    // The national significant number is then built here as Parse builds it (no IDD, no country code in front,
    // the trunk prefix stripped under Parse's own conditions) and checked as IsValidNumberForRegion checks it
    // (the general pattern and lengths, then one number type's pattern and lengths), with the region's
    // patterns compiled into one automaton over the digits; anything else goes through Parse.
    internal sealed class RegionPlan
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, RegionPlan> s_plans = new(StringComparer.Ordinal);

        private RegionPlan(string region, string nationalPrefix, int[] lengths)
        {
            Region = region;
            NationalPrefix = nationalPrefix;
            Lengths = lengths;
        }

        public string Region { get; }

        public string NationalPrefix { get; }

        public int[] Lengths { get; }

        private bool PlainPrefix { get; init; }

        private int CountryCode { get; init; }

        private string CountryCodeDigits { get; init; } = "";

        private bool HasInternationalPrefix { get; init; }

        private int[] LocalOnlyLengths { get; init; } = [];

        // The number type patterns (bit 0 the general one) and, per national number length, the patterns whose
        // possible lengths allow it; null when a pattern is outside the automaton's syntax.
        private DigitAutomaton? Types { get; init; }

        private uint[] TypesByLength { get; init; } = [];

        private DigitAutomaton? InternationalPrefix { get; init; }

        private Regex? PrefixForParsing { get; init; }

        private DigitAutomaton? PrefixForParsingAutomaton { get; init; }

        private bool TransformsPrefix { get; init; }

        /// <summary>Gets the automaton of the region's leading digits (null when it has none or they do not compile).</summary>
        public DigitAutomaton? LeadingDigits { get; private init; }

        /// <summary>Gets whether the region's metadata has leading digits (shared country codes such as +1).</summary>
        public bool HasLeadingDigits { get; private init; }

        public static RegionPlan Create(PhoneNumberUtil phones, string region) => Create(phones.GetMetadataForRegion(region), region);

        /// <summary>
        /// The plan of a region from libphonenumber's (process-wide, immutable) metadata, built once per process: compiling
        /// a region's automata takes milliseconds, and every detector would otherwise pay it again in its constructor.
        /// </summary>
        public static RegionPlan For(PhoneNumberUtil phones, string region) =>
            s_plans.GetOrAdd(region, static (r, p) => Create(p, r), phones);

        public static RegionPlan Create(PhoneMetadata? metadata, string region)
        {
            var lengths = metadata?.GeneralDesc?.PossibleLengthList?.ToArray() ?? [];
            var prefix = metadata?.NationalPrefix ?? "";
            var plainPrefix = metadata is not null && string.IsNullOrEmpty(metadata.NationalPrefixTransformRule)
                && !string.IsNullOrEmpty(metadata.GeneralDesc?.NationalNumberPattern)
                && (string.IsNullOrEmpty(metadata.NationalPrefixForParsing) || metadata.NationalPrefixForParsing == prefix)
                && prefix.All(char.IsAsciiDigit);
            var idd = metadata?.InternationalPrefix;
            var prefixForParsing = metadata?.NationalPrefixForParsing;
            var (types, typesByLength) = CompileTypes(metadata);
            return new RegionPlan(region, prefix, lengths)
            {
                PlainPrefix = plainPrefix,
                CountryCode = metadata?.CountryCode ?? 0,
                CountryCodeDigits = (metadata?.CountryCode ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                HasInternationalPrefix = !string.IsNullOrEmpty(idd),
                InternationalPrefix = string.IsNullOrEmpty(idd) ? null : TryCompile(idd),
                LocalOnlyLengths = metadata?.GeneralDesc?.PossibleLengthLocalOnlyList?.ToArray() ?? [],
                Types = types,
                TypesByLength = typesByLength,
                TransformsPrefix = !string.IsNullOrEmpty(metadata?.NationalPrefixTransformRule),
                PrefixForParsing = string.IsNullOrEmpty(prefixForParsing)
                    ? null : new Regex($"^(?:{prefixForParsing})", RegexOptions.CultureInvariant),
                PrefixForParsingAutomaton = string.IsNullOrEmpty(prefixForParsing) ? null : TryCompile(prefixForParsing),
                HasLeadingDigits = !string.IsNullOrEmpty(metadata?.LeadingDigits),
                LeadingDigits = string.IsNullOrEmpty(metadata?.LeadingDigits) ? null : TryCompile(metadata.LeadingDigits),
            };
        }

        private static DigitAutomaton? TryCompile(params string[] patterns)
        {
            try
            {
                return DigitAutomaton.Compile(patterns);
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }

        // GetNumberTypeHelper: the general description, then fixed line, mobile (unless its pattern is the fixed
        // line's), toll free, premium rate, shared cost, VoIP, personal, pager, UAN and voicemail; a description
        // matches when its possible lengths (if it lists any) contain the length and its pattern matches whole.
        private static (DigitAutomaton? Types, uint[] ByLength) CompileTypes(PhoneMetadata? metadata)
        {
            if (string.IsNullOrEmpty(metadata?.GeneralDesc?.NationalNumberPattern))
            {
                return (null, []);
            }

            PhoneNumberDesc?[] descs =
            [
                metadata!.GeneralDesc, metadata.FixedLine, metadata.Mobile, metadata.TollFree, metadata.PremiumRate,
                metadata.SharedCost, metadata.Voip, metadata.PersonalNumber, metadata.Pager, metadata.Uan, metadata.Voicemail,
            ];
            var byLength = new uint[MaxNationalLength + 1];
            for (var i = 0; i < descs.Length; i++)
            {
                if (descs[i] is not { } desc || (i == 2 && metadata.SameMobileAndFixedLinePattern))
                {
                    continue;
                }

                for (var length = 0; length <= MaxNationalLength; length++)
                {
                    if (desc.PossibleLengthCount == 0 || desc.PossibleLengthList.Contains(length))
                    {
                        byLength[length] |= 1u << i;
                    }
                }
            }

            var automaton = TryCompile([.. descs.Select(d => d?.NationalNumberPattern ?? "")]);
            return (automaton, byLength);
        }

        /// <param name="raw">The number as written.</param>
        /// <param name="digits">Its digits.</param>
        public bool MayHave(ReadOnlySpan<char> raw, ReadOnlySpan<char> digits)
        {
            var digitCount = digits.Length;
            if (Lengths.Length == 0)
            {
                return true;
            }

            var firstDigit = raw.IndexOfAny(TextScan.Digits);
            var hasPrefix = NationalPrefix.Length > 0 && firstDigit >= 0 && raw[firstDigit..].StartsWith(NationalPrefix, StringComparison.Ordinal);
            var national = hasPrefix ? digitCount - NationalPrefix.Length : digitCount;
            var lengthFits = Array.IndexOf(Lengths, national) >= 0 || Array.IndexOf(Lengths, digitCount) >= 0;
            if (!lengthFits || !PlainPrefix || Types is null || digits.StartsWith("00") || digits.StartsWith("011"))
            {
                // Numbers that start with an international call prefix are left to libphonenumber.
                return lengthFits;
            }

            return IsGeneral(digits) || (hasPrefix && IsGeneral(digits[NationalPrefix.Length..]));
        }

        // The general description's pattern alone (libphonenumber's matchNationalNumber), without lengths.
        private bool IsGeneral(ReadOnlySpan<char> digits) => (Types!.MatchAll(digits) & 1) != 0;

        /// <summary>
        /// Returns whether libphonenumber's <c>GetNumberTypeHelper</c> finds a type (not UNKNOWN) for the national
        /// significant number <paramref name="nsn"/> in this region: what <c>IsValidNumberForRegion</c> checks.
        /// </summary>
        /// <exception cref="InvalidOperationException">The region's patterns did not compile (see <see cref="CanValidate"/>).</exception>
        public bool IsValidNational(ReadOnlySpan<char> nsn)
        {
            if (Types is null)
            {
                throw new InvalidOperationException("The region's number patterns are not compiled.");
            }

            if (nsn.Length > MaxNationalLength)
            {
                return false;
            }

            var matching = Types.MatchAll(nsn) & TypesByLength[nsn.Length];
            return (matching & 1) != 0 && (matching & ~1u) != 0;
        }

        /// <summary>Gets whether <see cref="IsValidNational"/> can answer for this region.</summary>
        public bool CanValidate => Types is not null;

        /// <summary>
        /// Returns the number libphonenumber's <c>Parse(raw, Region)</c> returns for a number written with the
        /// digits <paramref name="digits"/> (ASCII digits and separators only, no '+'), or null when the digits
        /// may start with an international call prefix or the region's country code, the trunk
        /// prefix is rewritten rather than stripped (a transform rule whose carrier-code group matched), or the national significant number starts with a zero: then only Parse can tell.
        /// </summary>
        /// <param name="digits">The number's digits, 2 to 17 of them.</param>
        public PhoneNumber? TryNumber(ReadOnlySpan<char> digits) =>
            TryNationalNumber(digits, out var nsnStart) && digits[nsnStart] != '0'
                ? new PhoneNumber.Builder().SetCountryCode(CountryCode)
                    .SetNationalNumber(ulong.Parse(digits[nsnStart..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture))
                    .Build()
                : null;

        /// <summary>
        /// The national significant number Parse would find in <paramref name="digits"/> (see <see cref="TryNumber"/>, but
        /// leading zeros kept), as the offset where it starts, without allocating; false when only Parse can tell.
        /// </summary>
        public bool TryNationalNumber(ReadOnlySpan<char> digits, out int nsnStart)
        {
            nsnStart = 0;
            if (Types is null || !HasInternationalPrefix || CountryCode == 0 || digits.Length is < 2 or > 17
                || StartsWithInternationalPrefix(digits))
            {
                return false;
            }

            var national = 0;
            if (digits.StartsWith(CountryCodeDigits, StringComparison.Ordinal))
            {
                // MaybeExtractCountryCode drops the region's own country code in front when the number does not
                // match the general pattern with it but does without it (and its trunk prefix), or is too long with it.
                var rest = digits[CountryCodeDigits.Length..];
                var prefixLength = StrippedPrefixLength(rest);
                if (prefixLength < 0)
                {
                    return false;
                }

                if ((!IsGeneral(digits) && IsGeneral(rest[prefixLength..])) || IsTooLong(digits.Length))
                {
                    national = CountryCodeDigits.Length + prefixLength;
                }
            }

            if (digits.Length - national < 2)
            {
                return false;
            }

            // A national significant number may keep leading zeros ("Italian leading zero"): Parse records them, so
            // GetNationalSignificantNumber gives back these very digits.
            var start = NationalNumberStart(digits[national..]);
            nsnStart = national + start;
            return start >= 0;
        }

        // libphonenumber's testNumberLength(...) == TOO_LONG for the general description.
        private bool IsTooLong(int length) =>
            Lengths.Length > 0 && Lengths[0] != -1 && Array.IndexOf(LocalOnlyLengths, length) < 0 && length > Lengths[^1];

        private bool StartsWithInternationalPrefix(ReadOnlySpan<char> digits) =>
            InternationalPrefix is null || InternationalPrefix.PrefixLengths(digits, 1) != 0;

        /// <summary>
        /// Where the national significant number starts in <paramref name="national"/> (digits after any country code)
        /// once Parse has stripped the trunk prefix under its own conditions; -1 when the prefix is rewritten by a
        /// transform rule (then only Parse can tell).
        /// </summary>
        public int NationalNumberStart(ReadOnlySpan<char> national)
        {
            var prefixLength = StrippedPrefixLength(national);

            // Parse keeps the stripped number only when its length is possible for the region (or too long).
            return prefixLength > 0 && (national.Length - prefixLength < 2 || !LengthAllowsStripping(national.Length - prefixLength))
                ? 0 : prefixLength;
        }

        // MaybeStripNationalPrefixAndCarrierCode: the trunk prefix is stripped unless that turns a number matching
        // the general pattern into one that does not; -1 when a transform rule rewrites it.
        private int StrippedPrefixLength(ReadOnlySpan<char> national)
        {
            var prefixLength = PrefixLength(national);
            return prefixLength > 0 && IsGeneral(national) && !IsGeneral(national[prefixLength..]) ? 0 : prefixLength;
        }

        // The length of the match of the national prefix for parsing at the start (libphonenumber's lookingAt), or
        // -1 when the prefix carries a carrier code that a transform rule rewrites.
        private int PrefixLength(ReadOnlySpan<char> digits)
        {
            if (PrefixForParsing is null)
            {
                return 0;
            }

            var lengths = PrefixForParsingAutomaton?.PrefixLengths(digits, 1) ?? ulong.MaxValue;
            if (lengths == 0)
            {
                return 0;
            }

            if (!TransformsPrefix && System.Numerics.BitOperations.PopCount(lengths) == 1)
            {
                // One way to match: the regular expression's (leftmost-first) match is that one.
                return System.Numerics.BitOperations.TrailingZeroCount(lengths);
            }

            var prefixLength = 0;
            foreach (var m in PrefixForParsing.EnumerateMatches(digits))
            {
                prefixLength = m.Length;
                break;
            }

            if (prefixLength > 0 && TransformsPrefix && PrefixForParsing.Match(digits.ToString()).Groups is var groups && groups[^1].Success)
            {
                return -1;
            }

            return prefixLength;
        }

        // libphonenumber's length test for the general description: possible, or longer than every possible length.
        private bool LengthAllowsStripping(int length) =>
            Lengths.Length > 0 && Lengths[0] != -1 && Array.IndexOf(LocalOnlyLengths, length) < 0
            && (Array.IndexOf(Lengths, length) >= 0 || length > Lengths.Max());
    }

    public string Name => "numeric";

    public IReadOnlyCollection<PiiEntityType> SupportedTypes => s_types;

    public void Recognize(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        if (!DevanagariDigits.HasDigits(text, out var devanagari))
        {
            return;
        }

        if (devanagari)
        {
            // "९४१४० २२८७१": the same numbers in Devanagari digits, read on a copy with ASCII digits (same offsets).
            using var copy = DevanagariDigits.Copy(text, stackalloc char[DevanagariDigits.StackLength]);
            RecognizeAscii(copy.Text, results);
            return;
        }

        RecognizeAscii(text, results);
    }

    private void RecognizeAscii(ReadOnlySpan<char> text, ICollection<PiiMatch> results)
    {
        Span<int> groupStarts = stackalloc int[MaxGroups];
        Span<int> groupEnds = stackalloc int[MaxGroups];
        var i = 0;
        while (i < text.Length)
        {
            var next = text[i..].IndexOfAny(TextScan.Digits);
            if (next < 0)
            {
                return;
            }

            var start = i + next;
            if (start > 0 && (char.IsLetter(text[start - 1]) || (start > 1 && text[start - 1] is '-' or '/' && char.IsLetter(text[start - 2]))))
            {
                // Part of an alphanumeric token (an IBAN, a product code such as KX-2040-115): the id recognizer's job.
                i = SkipToken(text, start);
                continue;
            }

            if (IsIbanTail(text, start))
            {
                // "GB29 NWBK 6016 1331 9268 18": the groups of an IBAN written in fours, valid or not, are the id
                // recognizer's (it checks the whole code), never a phone number.
                i = SkipToken(text, start);
                continue;
            }

            var groups = ScanRun(text, start, groupStarts, groupEnds, out var end);
            var extensionEnd = end;
            if (IsExtension(text, end, out extensionEnd))
            {
                // "345-899-3560x4587", "ext. 12": the extension belongs to a phone number (and only to it).
                end = extensionEnd;
            }
            else if (end < text.Length && char.IsLetter(text[end]))
            {
                // "5kg", "3pm", "12th": the last group is a quantity, not part of an identifier.
                groups--;
                end = groups > 0 ? groupEnds[groups - 1] : end;
            }

            if (groups > 0)
            {
                Evaluate(text, groupStarts[..groups], groupEnds[..groups], extensionEnd, results);
            }

            i = Math.Max(end, start + 1);
        }
    }

    /// <summary>
    /// Returns whether the digits at <paramref name="start"/> follow, group after group (exactly four capital letters or
    /// digits each, one space between), an IBAN's head: two capital letters and two digits ("FR76 3000 ...").
    /// </summary>
    private static bool IsIbanTail(ReadOnlySpan<char> text, int start)
    {
        var j = start - 1;
        for (var group = 0; group < 8; group++)
        {
            if (j < 1 || text[j] != ' ' || !char.IsAsciiLetterOrDigit(text[j - 1]))
            {
                return false;
            }

            var groupEnd = j;
            var groupStart = j - 1;
            while (groupStart > 0 && char.IsAsciiLetterOrDigit(text[groupStart - 1]))
            {
                groupStart--;
            }

            // Every group walked over is an IBAN group: exactly four capital letters or digits ("NWBK", "6016"). A word
            // ("tel", "card"), a postcode half ("5AB") or a short plate group ("AB") ends the walk: "LS11 5AB card 4111 …"
            // and "MH12 AB 1234 call 98765 43210" are no IBAN.
            if (groupEnd - groupStart != 4 || !IsUpperAlnum(text[groupStart..groupEnd]))
            {
                return false;
            }

            if (char.IsAsciiLetterUpper(text[groupStart]) && char.IsAsciiLetterUpper(text[groupStart + 1])
                && char.IsAsciiDigit(text[groupStart + 2]) && char.IsAsciiDigit(text[groupStart + 3])
                && (groupStart == 0 || !char.IsLetterOrDigit(text[groupStart - 1])))
            {
                return true;
            }

            j = groupStart - 1;
        }

        return false;
    }

    private static bool IsUpperAlnum(ReadOnlySpan<char> group)
    {
        foreach (var c in group)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipToken(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsExtension(ReadOnlySpan<char> text, int end, out int extensionEnd)
    {
        extensionEnd = end;
        var i = end;
        if (i < text.Length && text[i] is 'x' or 'X')
        {
            i++;
        }
        else if (text[i..].StartsWith(" ext. ", StringComparison.OrdinalIgnoreCase))
        {
            i += 6;
        }
        else
        {
            return false;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i - digitsStart is < 1 or > 5 || (i < text.Length && char.IsLetter(text[i])))
        {
            return false;
        }

        extensionEnd = i;
        return true;
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '/' or '(' or ')' or '\u00A0' or '\u2011';

    private static int ScanRun(ReadOnlySpan<char> text, int start, Span<int> starts, Span<int> ends, out int end)
    {
        var groups = 0;
        var i = start;
        while (true)
        {
            var groupStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            starts[groups] = groupStart;
            ends[groups] = i;
            groups++;
            end = i;
            if (groups == MaxGroups || i - start > MaxRunLength)
            {
                return groups;
            }

            // Up to two separator characters, then a digit, continue the run.
            var j = i;
            while (j < text.Length && j - i < 2 && IsSeparator(text[j]))
            {
                j++;
            }

            if (j == i || j >= text.Length || !char.IsAsciiDigit(text[j]) || (j - i == 2 && text[i] == text[i + 1]))
            {
                return groups;
            }

            i = j;
        }
    }

    private void Evaluate(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int extensionEnd, ICollection<PiiMatch> results)
    {
        var count = starts.Length;
        var hasExtension = extensionEnd > ends[count - 1];
        if (!hasExtension && IsIpv4(text, starts, ends))
        {
            results.Add(new PiiMatch(PiiEntityType.IpAddress, starts[0], ends[3] - starts[0], 0.85, Name));
            return;
        }

        if (IsDateLike(text, starts, ends) || IsDecimal(text, starts, ends))
        {
            return;
        }

        // A calendar date at the end of a longer run ("06 12 34 56 78 (2026-11-29)", "…-21760 (2026-11-29)") is its own
        // token: the numbers before it are read alone, and no candidate takes digits of the date.
        if (count > 3 && !hasExtension && IsCalendarDate(text, starts[(count - 3)..], ends[(count - 3)..]))
        {
            Evaluate(text, starts[..(count - 3)], ends[..(count - 3)], ends[count - 4], results);
            return;
        }

        Span<char> digits = stackalloc char[64];
        var n0 = TextScan.CopyDigits(text[starts[0]..ends[count - 1]], digits);
        if (n0 is >= 9 and <= 19 && FailedIdentifier(text, starts, ends, digits[..n0]) is var failed and not FailedCheck.None
            && !(failed == FailedCheck.Shape && n0 <= 15 && PhoneScore(text[StartWithPrefix(text, starts[0])..ends[count - 1]], n0, count) >= 0.8))
        {
            // The shape or the label of a checksummed identifier whose check fails is no identifier of that type, and
            // no phone number either, whole or in part ("meter 4539 1488 0343 6716"). Labelled as one ("aadhaar 2345
            // 6789 0123", "card 4111 1111 1111 1112"), it may be the writer's own number mistyped: it is reported
            // whole, as an unverified identifier, under the types' scores. Unlabelled, a number that validates as a phone
            // number ("123.456.789-01") is left to the phone check: a mistyped id or a phone, it is redacted either way.
            if (failed == FailedCheck.Labelled)
            {
                results.Add(new PiiMatch(UnverifiedId, starts[0], ends[count - 1] - starts[0], 0.55, Name));
            }

            return;
        }

        // A free-phone number with a service word near it ("helpline 0808 ...") is a public line: neither it nor its
        // groups are read as a person's phone.
        var service = n0 is >= 7 and <= 15 && ContextLexicon.IsServiceNumber(text, StartWithPrefix(text, starts[0]), ends[count - 1], digits[..n0]);
        for (var a = 0; a < Math.Min(count, 3); a++)
        {
            for (var b = count - 1; b >= Math.Max(a, count - 3); b--)
            {
                var s = starts[a];
                var e = ends[b];
                var n = TextScan.CopyDigits(text[s..e], digits);
                if (n < 7 || n > 19)
                {
                    continue;
                }

                // A leading '+' or '(' belongs to a phone number.
                if (s > 0 && (text[s - 1] == '+' || text[s - 1] == '('))
                {
                    s--;
                    if (s > 0 && text[s - 1] == '+')
                    {
                        s--;
                    }
                }

                // libphonenumber is the costly check: only the whole run and the run minus one end group.
                var phone = a + (count - 1 - b) <= 1 && !service;
                ValidateCandidate(text, s, e, digits[..n], b - a + 1, starts[a..(b + 1)], ends[a..(b + 1)], phone, results);
                if (phone && hasExtension && b == count - 1)
                {
                    // The same digits with their extension, as a phone number only.
                    ValidatePhoneWithExtension(text, s, e, extensionEnd, n, b - a + 1, results);
                }
            }
        }
    }

    // Labels of Portuguese tax numbers (a bare nine-digit number after them is a NIF, which has a check digit).
    private static readonly WordSearch s_nifLabels = new(["nif", "contribuinte"]);

    // Words that name a phone itself (not "number", "contact": "card number", "aadhaar number" are id labels).
    private static readonly WordSearch s_phoneWords = new([
        "phone", "tel", "tél", "call", "mobile", "mob", "cell", "whatsapp", "sms", "text me", "fax", "téléphone", "portable",
        "appelle", "joindre", "teléfono", "telefono", "móvil", "movil", "celular", "llama", "llámame", "telemóvel", "ligue",
        "liga", "simu", "nipigie", "piga", "फ़ोन", "फोन", "मोबाइल"]);

    internal enum FailedCheck
    {
        None,
        Shape,
        Labelled,
    }

    /// <summary>
    /// Returns whether the run is written as a checksummed identifier that fails its check (<see cref="FailedCheck.Shape"/>):
    /// 16 digits in four groups of four (a card's shape, never a phone's) or a CPF written 000.000.000-00; or labelled as
    /// one (<see cref="FailedCheck.Labelled"/>): 13 to 19 digits after a card word failing Luhn, a CPF after "CPF", an
    /// Aadhaar number (12 digits, Verhoeff), a French NIR (15 digits, key), a US SSN written 000-00-0000 or a Portuguese
    /// NIF (9 digits, mod 11) next to its label.
    /// </summary>
    /// <remarks>
    /// A phone word nearer before the run than any id label ("call me on 0049 1512 3456 7890", "Visa card lost, call 55
    /// 11 91234 5678", "CPF ou celular: 11987654321") leaves the run to the phone check (<see cref="FailedCheck.None"/>).
    /// </remarks>
    private static FailedCheck FailedIdentifier(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<char> d) =>
        !IsFailedIdentifier(text, starts, ends, d) || PhoneWordBeforeLabel(text, starts[0], d.Length) ? FailedCheck.None
        : IsLabelledIdentifier(text, starts[0], ends[^1], d.Length) ? FailedCheck.Labelled : FailedCheck.Shape;

    /// <summary>
    /// Returns whether a phone context word stands in the 32 characters before <paramref name="s"/> and no label of the
    /// identifier type a run of <paramref name="n"/> digits may be stands between it and the run.
    /// </summary>
    private static bool PhoneWordBeforeLabel(ReadOnlySpan<char> text, int s, int n)
    {
        var before = text[..s];
        for (var from = s - 1; from >= Math.Max(0, s - 32); from--)
        {
            if (from > 0 && char.IsLetterOrDigit(before[from - 1]) || !char.IsLetterOrDigit(before[from]))
            {
                continue; // only where a word starts
            }

            var k = s - from;
            if (IsIdLabelBefore(before, s, n, k))
            {
                return false;
            }

            if (s_phoneWords.ContainsWord(before[from..]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIdLabelBefore(ReadOnlySpan<char> before, int s, int n, int k) => n switch
    {
        11 => ContextLexicon.HasContext(before, s, s, PiiEntityType.BrCpf, k),
        12 => ContextLexicon.HasContext(before, s, s, PiiEntityType.InAadhaar, k),
        15 => ContextLexicon.HasContext(before, s, s, PiiEntityType.FrNir, k) || ContextLexicon.HasContext(before, s, s, PiiEntityType.CreditCard, k),
        9 => ContextLexicon.HasContext(before, s, s, PiiEntityType.UsSsn, k) || s_nifLabels.ContainsWord(before[(s - k)..]),
        _ => ContextLexicon.HasContext(before, s, s, PiiEntityType.CreditCard, k),
    };

    private static bool IsLabelledIdentifier(ReadOnlySpan<char> text, int s, int e, int n) => n switch
    {
        11 => LabelledAs(text, s, PiiEntityType.BrCpf),
        12 => LabelledAs(text, s, PiiEntityType.InAadhaar),
        15 when ContextLexicon.HasContext(text, s, e, PiiEntityType.FrNir, 32) => true,
        >= 13 and <= 19 => ContextLexicon.HasContext(text, s, s, PiiEntityType.CreditCard, 24),
        9 => ContextLexicon.HasContext(text, s, e, PiiEntityType.UsSsn, 32) || s_nifLabels.ContainsWord(text[Math.Max(0, s - 16)..s]),
        _ => false,
    };

    private static bool IsFailedIdentifier(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<char> d)
    {
        var count = starts.Length;
        var s = starts[0];
        var e = ends[count - 1];
        var raw = text[s..e];
        var spaceOrDash = !raw.ContainsAny('.', '/') && !raw.ContainsAny('(', ')');
        var plus = s > 0 && text[s - 1] == '+';
        switch (d.Length)
        {
            case 16 when count == 4 && spaceOrDash && !plus && !d.StartsWith("00") && AllGroupsOf(starts, ends, 4):
                return !Checksums.Luhn(d);
            case >= 13 and <= 19 when spaceOrDash && !plus && !d.StartsWith("00") && !Checksums.Luhn(d)
                && ContextLexicon.HasContext(text, s, s, PiiEntityType.CreditCard, 24):
                return true;
            case 11 when count == 4 && ends[0] - starts[0] == 3 && ends[1] - starts[1] == 3 && ends[2] - starts[2] == 3
                && text[ends[0]] == '.' && text[ends[1]] == '.' && text[ends[2]] == '-':
                return !Checksums.Cpf(d);
            case 11 when count == 1 && !Checksums.Cpf(d) && LabelledAs(text, s, PiiEntityType.BrCpf):
                return true;
            case 12 when (count == 1 || (count == 3 && AllGroupsOf(starts, ends, 4))) && !Checksums.Verhoeff(d)
                && LabelledAs(text, s, PiiEntityType.InAadhaar):
                return true;
            case 15 when !Checksums.FrenchNir(d) && ContextLexicon.HasContext(text, s, e, PiiEntityType.FrNir, 32):
                return true;
            case 9 when count == 3 && ends[0] - starts[0] == 3 && ends[1] - starts[1] == 2 && text[ends[0]] == '-'
                && !IsValidSsn(d) && ContextLexicon.HasContext(text, s, e, PiiEntityType.UsSsn, 32):
                return true;
            case 9 when count == 1 && !Checksums.PortugueseNif(d) && s_nifLabels.ContainsWord(text[Math.Max(0, s - 16)..s]):
                return true;
            default:
                return false;
        }
    }

    private static bool AllGroupsOf(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int length)
    {
        for (var g = 0; g < starts.Length; g++)
        {
            if (ends[g] - starts[g] != length)
            {
                return false;
            }
        }

        return true;
    }

    private void ValidateCandidate(
        ReadOnlySpan<char> text, int s, int e, ReadOnlySpan<char> d, int groups,
        ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, bool phone, ICollection<PiiMatch> results)
    {
        var n = d.Length;
        var raw = text[s..e];
        var onlySpaceOrDash = !raw.ContainsAny('.', '/') && !raw.ContainsAny('(', ')');
        var strongId = false;
        void Add(PiiEntityType type, double score)
        {
            results.Add(new PiiMatch(type, s, e - s, score, Name));
            strongId |= score >= 0.8;
        }


        if (n >= 12 && onlySpaceOrDash && !raw.StartsWith('+') && Checksums.Luhn(d) && IsCardPrefix(d))
        {
            Add(PiiEntityType.CreditCard, n == 12 ? 0.7 : 0.9);
        }

        if (n == 9 && IsValidSsn(d))
        {
            // Formatted 3-2-4, or labelled "SSN": then it is not also read as a phone number.
            var formatted = groups == 3 && ends[0] - starts[0] == 3 && ends[1] - starts[1] == 2 && onlySpaceOrDash;
            Add(PiiEntityType.UsSsn, formatted || LabelledAs(text, s, PiiEntityType.UsSsn) ? 0.85 : 0.3);
        }

        if (n == 11 && Checksums.Cpf(d))
        {
            var formatted = raw.Contains('.') && raw.Contains('-');
            Add(PiiEntityType.BrCpf, formatted ? 0.9 : 0.55);
        }

        if (n == 12 && d[0] >= '2' && Checksums.Verhoeff(d))
        {
            var formatted = groups == 1 || (groups == 3 && onlySpaceOrDash);
            Add(PiiEntityType.InAadhaar, formatted ? 0.8 : 0.5);
        }

        if (n == 10 && Checksums.NhsMod11(d))
        {
            Add(PiiEntityType.UkNhs, LabelledAs(text, s, PiiEntityType.UkNhs) ? 0.9 : 0.48); // "NHS number 943 476 5919"
        }

        if (n == 13 && IsValidZaId(d))
        {
            Add(PiiEntityType.ZaId, 0.8);
        }

        if (n == 15 && d[0] is '1' or '2' or '3' or '4' or '7' or '8' && Checksums.FrenchNir(d))
        {
            Add(PiiEntityType.FrNir, 0.9);
        }

        if (n == 11 && groups == 1)
        {
            Add(PiiEntityType.NgNin, 0.2);
        }

        if (n is 7 or 8 && groups == 1)
        {
            Add(PiiEntityType.KeNationalId, 0.2);
        }

        // A checksum-validated identifier is not also tried as a phone number, nor is a number labelled as an
        // order, invoice, product or batch number.
        if (phone && n <= 15 && !strongId && !ContextLexicon.HasNonPhoneContext(text, s) && !IsPostalCodeShape(starts, ends, text))
        {
            var score = PhoneScore(raw, n, groups);
            if (score > 0)
            {
                results.Add(new PiiMatch(PiiEntityType.PhoneNumber, s, e - s, score, Name));
            }
        }
    }

    private void ValidatePhoneWithExtension(ReadOnlySpan<char> text, int s, int mainEnd, int extensionEnd, int digitCount, int groups, ICollection<PiiMatch> results)
    {
        if (digitCount > 15 || ContextLexicon.HasNonPhoneContext(text, s))
        {
            return;
        }

        var score = PhoneScore(text[s..mainEnd], digitCount, groups);
        if (score > 0)
        {
            results.Add(new PiiMatch(PiiEntityType.PhoneNumber, s, extensionEnd - s, Math.Min(1, score + 0.01), Name));
        }
    }

    // The identifier's own label (NHS, SSN) in the 32 characters before it.
    private static bool LabelledAs(ReadOnlySpan<char> text, int start, PiiEntityType type) =>
        ContextLexicon.HasContext(text, start, start, type, 32);

    private double PhoneScore(ReadOnlySpan<char> raw, int digitCount, int groups)
    {
        var international = raw.StartsWith('+') || raw.StartsWith("00", StringComparison.Ordinal);
        var shaped = international || raw.Contains('(') || groups >= 2;
        if (!shaped && digitCount < 9)
        {
            return 0;
        }

        try
        {
            Span<char> digits = stackalloc char[32];
            digits = digits[..Math.Max(0, TextScan.CopyDigits(raw, digits))];
            if (international)
            {
                var valid = IsValidInternational(raw, digits);
                if (valid is null)
                {
                    var text = raw.ToString();
                    var number = _phones.Parse(text.StartsWith('+') ? text : "+" + text[2..], "ZZ");
                    valid = _phones.IsValidNumber(number);
                }

                return valid.Value ? 0.9 : 0.45;
            }

            string? candidate = null;
            foreach (var plan in _regions)
            {
                if (!plan.MayHave(raw, digits))
                {
                    continue;
                }

                if (plan.TryNationalNumber(digits, out var nsnStart))
                {
                    if (plan.IsValidNational(digits[nsnStart..]))
                    {
                        return 0.8;
                    }

                    continue;
                }

                candidate ??= raw.ToString();
                if (_phones.IsValidNumberForRegion(_phones.Parse(candidate, plan.Region), plan.Region))
                {
                    return 0.8;
                }
            }
        }
        catch (NumberParseException)
        {
            return 0;
        }

        // Phone-shaped but not valid for a default region: reported when grouped like a phone number, but
        // "1 234 567" (thousands written with spaces or dots) needs a context word.
        if (!shaped)
        {
            return 0.2;
        }

        return groups >= 2 && !LooksLikeThousands(raw) ? 0.5 : 0.4;
    }

    /// <summary>
    /// What <c>IsValidNumber(Parse("+" + digits, "ZZ"))</c> returns for an international number written
    /// "+CC ..." or "00 CC ...", built as Parse builds it (country code, trunk prefix stripped under Parse's
    /// conditions) and checked with the regions' compiled patterns; null when only libphonenumber can tell
    /// (no valid country code, a non-geographic one, a transform rule, patterns that do not compile).
    /// </summary>
    /// <param name="raw">The number as written, starting with '+' or "00".</param>
    /// <param name="digits">Its digits.</param>
    internal bool? IsValidInternational(ReadOnlySpan<char> raw, ReadOnlySpan<char> digits)
    {
        if (raw.StartsWith('+'))
        {
            if (raw.Length < 2 || !char.IsAsciiDigit(raw[1]))
            {
                return null;
            }
        }
        else
        {
            digits = digits[2..]; // "00" for '+'
        }

        if (digits.Length <= 3 || digits[0] == '0')
        {
            return null;
        }

        // The country code: the first one, two or three digits that are one (ExtractCountryCode).
        var callingCode = 0;
        var ccLength = 0;
        for (var i = 1; i <= 3; i++)
        {
            var code = int.Parse(digits[..i], provider: System.Globalization.CultureInfo.InvariantCulture);
            if (PlansFor(code) is not null)
            {
                callingCode = code;
                ccLength = i;
                break;
            }
        }

        var plans = callingCode == 0 ? null : PlansFor(callingCode);
        if (plans is null || plans.Length == 0)
        {
            return null;
        }

        var national = digits[ccLength..];
        var main = plans[0];
        var nsnStart = national.Length < 2 || !main.CanValidate ? -1 : main.NationalNumberStart(national);
        if (nsnStart < 0 || national.Length - nsnStart is < 2 or > MaxNationalLength)
        {
            return null;
        }

        var nsn = national[nsnStart..];
        if (plans.Length == 1)
        {
            return main.IsValidNational(nsn);
        }

        // Several regions share the code (+1, +7, +44 ...): the first whose leading digits start the number, or
        // without leading digits the first for which it is valid (GetRegionCodeForNumberFromRegionList).
        foreach (var plan in plans)
        {
            if (!plan.CanValidate || (plan.HasLeadingDigits && plan.LeadingDigits is null))
            {
                return null;
            }

            if (plan.HasLeadingDigits)
            {
                if (plan.LeadingDigits!.PrefixLengths(nsn, 1) != 0)
                {
                    return plan.IsValidNational(nsn);
                }
            }
            else if (plan.IsValidNational(nsn))
            {
                return true;
            }
        }

        return false;
    }

    // The plans of the regions sharing a calling code, main region first (built on first use, then shared); null
    // for a code that is not one, empty for a non-geographic one.
    private RegionPlan[]? PlansFor(int callingCode)
    {
        if ((uint)callingCode >= (uint)_plansByCallingCode.Length)
        {
            return null;
        }

        var plans = Volatile.Read(ref _plansByCallingCode[callingCode]);
        if (plans is not null)
        {
            return ReferenceEquals(plans, s_notACallingCode) ? null : plans;
        }

        var regions = _phones.GetRegionCodesForCountryCode(callingCode);
        var built = regions.Count == 0 ? s_notACallingCode
            : regions.Contains("001") ? []
            : [.. regions.Select(r => RegionPlan.For(_phones, r))];
        Interlocked.CompareExchange(ref _plansByCallingCode[callingCode], built, null);
        return PlansFor(callingCode);
    }

    private static bool LooksLikeThousands(ReadOnlySpan<char> raw)
    {
        var groups = 0;
        var groupLength = 0;
        var first = -1;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                groupLength++;
                continue;
            }

            if (c is not (' ' or '.' or '\u00A0'))
            {
                return false;
            }

            if (first < 0)
            {
                first = groupLength;
            }
            else if (groupLength != 3)
            {
                return false;
            }

            groups++;
            groupLength = 0;
        }

        return groups > 0 && first is >= 1 and <= 3 && groupLength == 3;
    }

    // Where a number starts with its '+' ("+44 800 ...").
    private static int StartWithPrefix(ReadOnlySpan<char> text, int s) => s > 0 && text[s - 1] == '+' ? s - 1 : s;

    // A Brazilian CEP, "01310-200": five digits, a hyphen, three digits. No phone plan writes a number so.
    private static bool IsPostalCodeShape(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<char> text) =>
        starts.Length == 2 && ends[0] - starts[0] == 5 && ends[1] - starts[1] == 3 && starts[1] == ends[0] + 1 && text[ends[0]] == '-';

    private static bool IsCardPrefix(ReadOnlySpan<char> d)
    {
        var two = ((d[0] - '0') * 10) + (d[1] - '0');
        var four = (two * 100) + ((d[2] - '0') * 10) + (d[3] - '0');
        var n = d.Length;
        return d[0] switch
        {
            '4' => n is 13 or 16 or 19,                                   // Visa
            '5' => (two is >= 51 and <= 55 && n == 16) || two is 50 or (>= 56 and <= 59), // Mastercard, Maestro
            '2' => (four is >= 2221 and <= 2720 && n == 16) || (four == 2131 && n == 15) || n is 12 or 16, // Mastercard 2-series, JCB
            '3' => (two is 34 or 37 && n == 15) || (two == 35 && n >= 16) || (two is 30 or 36 or 38 or 39 && n >= 14),
            '6' => n >= 12,                                               // Discover, Maestro, UnionPay, RuPay
            '1' => four == 1800 && n == 15,                               // JCB (legacy 15-digit)
            _ => false,
        };
    }

    private static bool IsValidSsn(ReadOnlySpan<char> d)
    {
        var area = int.Parse(d[..3], provider: null);
        var group = int.Parse(d[3..5], provider: null);
        var serial = int.Parse(d[5..], provider: null);
        return area is not 0 and not 666 and < 900 && group != 0 && serial != 0 && !Checksums.AllSame(d);
    }

    private static bool IsValidZaId(ReadOnlySpan<char> d)
    {
        var month = int.Parse(d[2..4], provider: null);
        var day = int.Parse(d[4..6], provider: null);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month)
            && d[10] is '0' or '1' && Checksums.Luhn(d);
    }

    private static bool IsIpv4(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        if (starts.Length != 4)
        {
            return false;
        }

        for (var g = 0; g < 4; g++)
        {
            var len = ends[g] - starts[g];
            if (len is < 1 or > 3 || (g < 3 && (starts[g + 1] - ends[g] != 1 || text[ends[g]] != '.')))
            {
                return false;
            }

            if (int.Parse(text[starts[g]..ends[g]], provider: null) > 255)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDateLike(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        if (starts.Length != 3)
        {
            return false;
        }

        var sep = text[ends[0]];
        if (sep is not ('/' or '.' or '-') || starts[1] - ends[0] != 1 || text[ends[1]] != sep || starts[2] - ends[1] != 1)
        {
            return false;
        }

        var l0 = ends[0] - starts[0];
        var l1 = ends[1] - starts[1];
        var l2 = ends[2] - starts[2];
        return (l0 <= 2 && l1 <= 2 && l2 is 2 or 4) || (l0 == 4 && l1 <= 2 && l2 <= 2);
    }

    /// <summary>
    /// Three groups written as a date (<see cref="IsDateLike"/>) whose values are a calendar date with a four-digit year:
    /// 19xx or 20xx with a month and a day (year first, or day and month either way round first).
    /// </summary>
    private static bool IsCalendarDate(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        if (!IsDateLike(text, starts, ends))
        {
            return false;
        }

        var g0 = int.Parse(text[starts[0]..ends[0]], NumberStyles.None, CultureInfo.InvariantCulture);
        var g1 = int.Parse(text[starts[1]..ends[1]], NumberStyles.None, CultureInfo.InvariantCulture);
        var g2 = int.Parse(text[starts[2]..ends[2]], NumberStyles.None, CultureInfo.InvariantCulture);
        static bool Year(int v, int length) => length == 4 && v is >= 1900 and <= 2099;
        static bool DayMonth(int day, int month) => day is >= 1 and <= 31 && month is >= 1 and <= 12;

        // Only with a four-digit year: "10.05.07" or "12-03-05" end many a phone number ("06.12.10.05.07").
        return ends[0] - starts[0] == 4
            ? Year(g0, 4) && DayMonth(g2, g1)
            : Year(g2, ends[2] - starts[2]) && (DayMonth(g0, g1) || DayMonth(g1, g0));
    }

    private static bool IsDecimal(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends) =>
        starts.Length == 2 && starts[1] - ends[0] == 1 && text[ends[0]] == '.';
}
