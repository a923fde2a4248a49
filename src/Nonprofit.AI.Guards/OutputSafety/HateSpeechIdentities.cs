using System;
using System.Collections.Generic;
using System.Linq;
using Nonprofit.AI.Guards.Detection;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Identity abstraction for the hate model: every mention of a protected group (women, trans, gay and lesbian people,
/// Black people, disabled people, Muslims, Jews, immigrants, refugees, foreigners, indigenous people, Asian people,
/// Dalits, North-East Indians, Roma) in the languages the guards serve (ar de en es fr hi hi-Latn it nl pl pt sw zh)
/// is replaced by the one <see cref="Placeholder"/> letter, after <see cref="GuardText"/> normalisation and before
/// hashing, so that "PLACEHOLDER are vermin" generalises across groups while "mosquitoes are vermin" does not.
/// </summary>
/// <remarks>
/// The lexicon was written from general knowledge of the languages (plural, singular and inflected forms; Arabic with
/// its attached conjunctions and prepositions), not copied from any test set. Slurs are not in it: a slur is hateful by
/// itself and keeps its own features. Matching is by whole words (the longest phrase of up to
/// <see cref="MaxPhraseWords"/> words wins), so a group word inside another word is not replaced; Chinese, written
/// without spaces, is matched inside runs of Han characters, longest term first.
/// </remarks>
internal static class HateSpeechIdentities
{
    /// <summary>The placeholder: a letter (U+A66E) that normalisation keeps, so the rewritten text normalises to itself.</summary>
    public const char Placeholder = '\uA66E';

    private const int MaxPhraseWords = 4;
    private const char HanFirst = '\u4E00';
    private const char HanLast = '\u9FFF';

    // Plain lists per language; each entry is normalised with GuardText at load time (lower case, no Latin diacritics).
    private static readonly string[] s_words =
    [
        // en
        "women", "woman", "females", "trans", "transgender", "transgenders", "trans people", "trans women", "trans men",
        "transsexuals", "gay", "gays", "gay people", "gay men", "lesbians", "lesbian", "homosexuals", "homosexual",
        "bisexuals", "queer people", "lgbt people", "lgbtq people", "black people", "blacks", "black men", "black women",
        "disabled people", "people with disabilities", "disabled", "muslims", "muslim", "jews", "jew",
        "jewish people", "immigrants", "immigrant", "migrants", "migrant", "refugees", "refugee", "asylum seekers",
        "foreigners", "foreigner", "indigenous people", "asians", "asian people", "dalits", "lower caste people", "roma",

        // fr
        "femmes", "femme", "personnes trans", "transgenres", "transsexuels", "transsexuelles", "homosexuels",
        "homosexuelles", "homosexuel", "homosexuelle", "lesbiennes", "lesbienne", "noirs", "noires", "personnes noires",
        "handicapés", "handicapées", "personnes handicapées", "musulmans", "musulmanes", "musulman", "musulmane", "juifs",
        "juives", "juif", "juive", "immigrés", "immigrées", "immigré", "immigrée", "immigrants", "migrants", "réfugiés",
        "réfugiées", "réfugié", "réfugiée", "étrangers", "étrangères", "étranger", "autochtones", "asiatiques", "roms",

        // es
        "mujeres", "mujer", "personas trans", "transexuales", "transgénero", "homosexuales", "lesbianas", "lesbiana",
        "negros", "negras", "personas negras", "discapacitados", "discapacitadas", "personas con discapacidad",
        "minusválidos", "musulmanes", "musulmán", "musulmana", "musulmanas", "judíos", "judías", "judío", "judía",
        "inmigrantes", "inmigrante", "migrantes", "refugiados", "refugiadas", "refugiado", "extranjeros", "extranjero",
        "indígenas", "indígena", "pueblos indígenas", "asiáticos", "gitanos",

        // pt
        "mulheres", "mulher", "pessoas trans", "transexuais", "transgêneros", "homossexuais", "homossexual", "lésbicas",
        "lésbica", "pessoas negras", "pessoas com deficiência", "deficientes", "muçulmanos", "muçulmanas", "muçulmano",
        "judeus", "judeu", "imigrantes", "imigrante", "refugiadas", "estrangeiros", "estrangeiro", "povos indígenas",
        "índios", "ciganos",

        // de
        "frauen", "frau", "transmenschen", "trans menschen", "transpersonen", "trans personen", "transsexuelle",
        "schwule", "schwulen", "homosexuelle", "homosexuellen", "lesben", "schwarze", "schwarzen", "schwarze menschen",
        "behinderte", "behinderten", "behinderte menschen", "menschen mit behinderung", "menschen mit behinderungen",
        "muslime", "muslimen", "moslems", "juden", "jude", "jüdin", "jüdinnen", "einwanderer", "einwanderern", "migranten",
        "migrantinnen", "zuwanderer", "flüchtlinge", "flüchtlingen", "geflüchtete", "geflüchteten", "ausländer",
        "ausländern", "asylbewerber", "indigene", "asiaten",

        // it
        "donne", "donna", "persone trans", "transessuali", "omosessuali", "lesbiche", "neri", "nere", "persone nere",
        "disabili", "persone disabili", "persone con disabilità", "musulmani", "musulmano", "ebrei", "ebree", "ebreo",
        "immigrati", "immigrate", "immigrato", "migranti", "profughi", "rifugiati", "stranieri", "straniero", "indigeni",
        "asiatici", "rom",

        // nl
        "vrouwen", "vrouw", "transgenders", "transpersonen", "transmensen", "trans mensen", "homos", "homo",
        "homoseksuelen", "homoseksueel", "lesbiennes", "zwarten", "zwarte mensen", "gehandicapten", "gehandicapte",
        "mensen met een beperking", "moslims", "moslim", "joden", "jood", "immigranten", "migranten", "vluchtelingen",
        "vluchteling", "buitenlanders", "allochtonen", "asielzoekers", "aziaten",

        // pl
        "kobiety", "kobiet", "kobietom", "kobietami", "kobieta", "kobiecie", "osoby trans", "osób trans",
        "osoby transpłciowe", "osób transpłciowych", "geje", "gejów", "gejom", "gejami", "gej", "homoseksualiści",
        "homoseksualistów", "lesbijki", "lesbijek", "czarni", "czarnych", "czarnoskórzy", "czarnoskórych",
        "niepełnosprawni", "niepełnosprawnych", "niepełnosprawnym", "niepełnosprawnymi", "osoby niepełnosprawne",
        "żydzi", "żydów", "żydom", "żydami", "żyd", "imigranci", "imigrantów", "imigrantom", "imigrantami", "imigrant",
        "migranci", "migrantów", "uchodźcy", "uchodźców", "uchodźcom", "uchodźcami", "cudzoziemcy", "obcokrajowcy",
        "azjaci", "azjatów", "azjatom", "azjatami", "muzułmanie", "muzułmanów", "muzułmanom", "muzułmanin", "romowie",

        // sw
        "wanawake", "mwanamke", "mashoga", "shoga", "wabadili jinsia", "watu weusi", "weusi", "walemavu", "mlemavu",
        "watu wenye ulemavu", "waislamu", "mwislamu", "wayahudi", "myahudi", "wahamiaji", "mhamiaji", "wakimbizi",
        "mkimbizi",

        // hi (Devanagari). The singular महिला / mahila is left out (session 25): it is mostly attributive ("women's"
        // helpline, commission, police station), and as the placeholder it made "women's helpline" read as a group mention.
        "महिलाएं", "महिलाएँ", "महिलाओं", "औरतें", "औरतों", "औरत", "स्त्रियाँ", "स्त्रियों", "ट्रांसजेंडर",
        "ट्रांसजेंडरों", "किन्नर", "किन्नरों", "समलैंगिक", "समलैंगिकों", "गे लोग", "गे लोगों", "काले लोग", "काले लोगों",
        "अश्वेत", "अश्वेतों", "विकलांग", "विकलांगों", "दिव्यांग", "दिव्यांगों", "मुसलमान", "मुसलमानों", "मुस्लिम",
        "मुस्लिमों", "यहूदी", "यहूदियों", "अप्रवासी", "अप्रवासियों", "प्रवासी", "प्रवासियों", "शरणार्थी", "शरणार्थियों",
        "विदेशी", "विदेशियों", "दलित", "दलितों", "निचली जाति", "नीची जाति", "पूर्वोत्तर", "उत्तर पूर्वी", "नॉर्थ ईस्ट",
        "आदिवासी", "आदिवासियों",

        // hi-Latn (romanised Hindi)
        "aurat", "auraton", "aurton", "auratein", "aurtein", "mahilayen", "mahilaon", "musalman", "musalmaan",
        "musalmano", "musalmanon", "kinnar", "kinnaron", "kaale log", "kale log", "kaale logon", "viklang", "divyang",
        "yahudi", "sharanarthi", "videshi", "videshiyon", "adivasi", "daliton",

        // ar (the forms with their attached conjunctions and prepositions are added by ArabicVariants)
        "النساء", "نساء", "المرأة", "امرأة", "الإناث", "المتحولين جنسيا", "المتحولون جنسيا", "المتحولين", "المتحولون",
        "العابرين جنسيا", "مثليي الجنس", "المثليين", "المثليون", "مثليين", "مثليون", "السود", "الأشخاص السود", "ذوي الإعاقة",
        "ذوو الإعاقة", "المعاقين", "المعاقون", "معاقين", "ذوي الاحتياجات الخاصة", "المسلمين", "المسلمون", "مسلمين",
        "مسلمون", "المسلمات", "اليهود", "يهود", "المهاجرين", "المهاجرون", "مهاجرين", "مهاجرون", "اللاجئين", "اللاجئون",
        "لاجئين", "لاجئون", "الأجانب", "أجانب",
    ];

    // Chinese, matched inside runs of Han characters (longest first).
    private static readonly string[] s_han =
    [
        "女人", "妇女", "女性", "跨性别者", "跨性别", "变性人", "同性恋者", "同性恋", "黑人", "残疾人", "残障人士", "穆斯林",
        "回教徒", "犹太人", "移民", "难民", "外国人", "少数民族", "亚洲人", "东北人",
    ];

    private const byte IsForm = 1;
    private const int PhraseShift = 2; // bits 2-3: the word count of the longest phrase this word starts, minus one
    private const int FilterKeyBits = 10;
    private const int FilterLengths = 32;

    // A bit per (first two letters hashed, word length): a word whose bit is clear is in no entry, so most words of a
    // reply cost one bit test instead of a dictionary lookup.
    private static readonly ulong[] s_filter = new ulong[((1 << FilterKeyBits) * FilterLengths) / 64];

    // Normalised form (a word, or a phrase with single spaces) -> IsForm, and for a word that starts phrases the word count of the longest one (minus one) above PhraseShift.
    private static readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> s_lookup = BuildLookup();

    private static readonly string[] s_hanTerms = [.. s_han.OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal)];

    /// <summary>The normalised forms of the lexicon (phrases with one space between words), for tests and reports.</summary>
    public static IEnumerable<string> Forms => s_lookup.Dictionary.Where(e => (e.Value & IsForm) != 0).Select(e => e.Key).Concat(s_hanTerms);

    /// <summary>Normalises <paramref name="text"/> and replaces its group mentions by <see cref="Placeholder"/>.</summary>
    public static string Abstract(string text)
    {
        var buffer = GuardText.Normalize(text).ToCharArray();
        return new string(buffer, 0, Abstract(buffer));
    }

    /// <summary>
    /// Replaces, in place, each group mention of an already normalised text by <see cref="Placeholder"/>.
    /// </summary>
    /// <param name="normalized">Text normalised by <see cref="GuardText"/>; rewritten in place.</param>
    /// <returns>The new length (never longer).</returns>
    public static int Abstract(Span<char> normalized)
    {
        var n = normalized.Length;
        var han = normalized.IndexOfAnyInRange(HanFirst, HanLast) >= 0;
        var read = 0;
        var write = 0;
        while (read < n)
        {
            if (normalized[read] == ' ')
            {
                normalized[write++] = ' ';
                read++;
                continue;
            }

            // Words are short: a plain scan is cheaper than a vectorised search per word.
            var wordEnd = read + 1;
            while (wordEnd < n && normalized[wordEnd] != ' ')
            {
                wordEnd++;
            }

            var match = MayBeEntry(normalized[read..wordEnd]) ? Match(normalized, read, wordEnd) : 0;
            if (match > 0)
            {
                normalized[write++] = Placeholder;
                read = match;
                continue;
            }

            if (han && normalized[read..wordEnd].IndexOfAnyInRange(HanFirst, HanLast) >= 0)
            {
                write = CopyWord(normalized, read, wordEnd, write);
            }
            else
            {
                // Until the first replacement the text is already in place; after it, a move to the left (memmove-safe).
                if (write != read)
                {
                    normalized[read..wordEnd].CopyTo(normalized[write..]);
                }

                write += wordEnd - read;
            }

            read = wordEnd;
        }

        return write;
    }

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var space = text[start..].IndexOf(' ');
        return space < 0 ? text.Length : start + space;
    }

    /// <summary>The end of the longest lexicon phrase that starts at <paramref name="start"/>, or 0 (the caller checked <see cref="MayBeEntry"/>).</summary>
    private static int Match(ReadOnlySpan<char> text, int start, int firstEnd)
    {
        if (!s_lookup.TryGetValue(text[start..firstEnd], out var flags))
        {
            return 0;
        }

        var single = (flags & IsForm) != 0;
        var longest = 1 + (flags >> PhraseShift);
        if (longest == 1)
        {
            return firstEnd;
        }

        // Ends of the following words (as many as the longest phrase from this word needs), then the longest phrase first.
        Span<int> ends = stackalloc int[MaxPhraseWords];
        ends[0] = firstEnd;
        var words = 1;
        while (words < longest && ends[words - 1] < text.Length)
        {
            ends[words] = WordEnd(text, ends[words - 1] + 1);
            words++;
        }

        for (var k = words - 1; k >= 1; k--)
        {
            if (s_lookup.TryGetValue(text[start..ends[k]], out var phrase) && (phrase & IsForm) != 0)
            {
                return ends[k];
            }
        }

        return single ? firstEnd : 0;
    }

    /// <summary>Copies a word that is not a lexicon entry, replacing the Chinese terms inside it.</summary>
    private static int CopyWord(Span<char> text, int start, int end, int write)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is >= HanFirst and <= HanLast)
            {
                var term = HanTerm(text[i..end]);
                if (term > 0)
                {
                    text[write++] = Placeholder;
                    i += term;
                    continue;
                }
            }

            text[write++] = c;
            i++;
        }

        return write;
    }

    private static int HanTerm(ReadOnlySpan<char> text)
    {
        foreach (var term in s_hanTerms)
        {
            if (text.StartsWith(term, StringComparison.Ordinal))
            {
                return term.Length;
            }
        }

        return 0;
    }

    private static Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        var forms = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var entry in s_words.SelectMany(ArabicVariants))
        {
            var form = GuardText.Normalize(entry);
            forms[form] = (byte)(forms.GetValueOrDefault(form) | IsForm);
            var space = form.IndexOf(' ', StringComparison.Ordinal);
            var first = space > 0 ? form[..space] : form;
            if (space > 0)
            {
                var words = form.Count(c => c == ' ') + 1;
                var flags = forms.GetValueOrDefault(first);
                forms[first] = (byte)((flags & IsForm) | (Math.Max(words - 1, flags >> PhraseShift) << PhraseShift));
            }

            var bit = FilterBit(first);
            s_filter[bit >> 6] |= 1UL << (bit & 63);
        }

        return forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static bool MayBeEntry(ReadOnlySpan<char> word)
    {
        var bit = FilterBit(word);
        return (s_filter[bit >> 6] & (1UL << (bit & 63))) != 0;
    }

    private static int FilterBit(ReadOnlySpan<char> word)
    {
        var key = (word[0] * 31) ^ (word.Length > 1 ? word[1] * 7 : 0);
        return ((key & ((1 << FilterKeyBits) - 1)) * FilterLengths) + Math.Min(word.Length, FilterLengths - 1);
    }

    /// <summary>An Arabic entry with the conjunctions و, ف and the prepositions ب, ك, ل attached (ل + ال is written لل).</summary>
    private static IEnumerable<string> ArabicVariants(string entry)
    {
        yield return entry;
        if (entry.Length == 0 || entry[0] is < '\u0621' or > '\u064A')
        {
            yield break;
        }

        foreach (var conjunction in new[] { "", "و", "ف" })
        {
            foreach (var preposition in new[] { "", "ب", "ك" })
            {
                if (conjunction.Length + preposition.Length > 0)
                {
                    yield return conjunction + preposition + entry;
                }
            }

            yield return conjunction + (entry.StartsWith("ال", StringComparison.Ordinal) ? "لل" + entry[2..] : "ل" + entry);
        }
    }
}
