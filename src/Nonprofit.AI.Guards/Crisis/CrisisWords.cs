using System;
using System.Collections.Generic;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Small closed word lists the crisis detector consults only on rare paths (a one-word counter cue in a clause of its
/// own before a match, a joke word after a match), kept out of the lexicon so that these frequent small words ("my",
/// "je", "it") do not add a match to every message. Words are written as <c>GuardText.Normalize</c> leaves them
/// (lower case, no Latin accents, apostrophes dropped).
/// </summary>
internal static class CrisisWords
{
    // First-person possessives per lexicon language: the writer's own people ("mon mari", "mi hijo", "meu marido").
    private static readonly Dictionary<string, HashSet<string>> s_own = new(StringComparer.Ordinal)
    {
        ["en"] = Set("my", "our"),
        ["fr"] = Set("mon", "ma", "mes", "notre", "nos"),
        ["es"] = Set("mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras"),
        ["pt"] = Set("meu", "minha", "meus", "minhas", "nosso", "nossa", "nossos", "nossas"),
        ["de"] = Set("mein", "meine", "meinen", "meinem", "meiner", "meines", "unser", "unsere", "unseren", "unserem"),
        ["sw"] = Set("wangu", "yangu", "langu", "changu", "zangu", "kwangu", "wetu", "yetu"),
        ["hi"] = Set("mera", "meri", "mere", "hamara", "hamari", "hamare", "मेरा", "मेरी", "मेरे", "हमारा", "हमारी", "हमारे"),
        ["ar"] = Set(),
    };

    private static readonly Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> s_ownLookup = Lookups();

    // "Just happened": one word, or the first word of a pair whose second is "de"/"d" ("vient de", "acaba de", "acabou de").
    private static readonly HashSet<string> s_recentAlone = Set("just", "gerade", "eben", "abhi", "अभी", "للتو", "توه", "توها", "توني", "لسه");
    private static readonly HashSet<string> s_recentBeforeDe = Set("vient", "viens", "viennent", "venons", "acaba", "acabo", "acaban", "acabou", "acabei", "acabaram", "acabam");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_recentAloneLookup = s_recentAlone.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_recentBeforeDeLookup = s_recentBeforeDe.GetAlternateLookup<ReadOnlySpan<char>>();

    // The small words of a retraction around a joke word, in every lexicon language: "I'm just kidding", "c'est une
    // blague", "je rigole", "es una broma", "é só brincadeira", "war nur ein Witz", "ni utani tu", "bas mazak kar raha
    // hoon". No subject but the writer's ("everyone", "they", "mes amis") and no verb of others' ("treats", "pensent").
    private static readonly HashSet<string> s_retraction = Set(
        "i", "im", "am", "was", "its", "it", "is", "thats", "that", "a", "just", "only", "lol", "haha", "hahaha", "lmao", "jk", "totally", "obviously", "ok", "okay", "joke", "kidding", "jokingly",
        "je", "j", "c", "cest", "est", "cetait", "etait", "une", "juste", "mdr", "ptdr", "hein", "bien", "sur", "evidemment", "blague", "rigole", "plaisante", "trop",
        "es", "era", "una", "solo", "jaja", "jajaja", "jeje", "xd", "estoy", "de", "en", "broma", "bromeando", "yo", "claro", "obvio",
        "e", "eh", "uma", "so", "to", "tou", "estou", "brincadeira", "piada", "brincando", "eu", "na", "kkk", "kkkk", "kkkkk", "rs", "rsrs",
        "ist", "war", "nur", "ein", "das", "spass", "spas", "ich", "mache", "mach", "nen", "witz", "scherz", "naturlich", "klar",
        "ni", "tu", "utani", "natania", "nakutania", "mimi", "nilikuwa", "nafanya", "hehe",
        "mazak", "majak", "mazaak", "kar", "raha", "rahi", "hu", "hoon", "hun", "tha", "thi", "main", "mai", "bas", "sirf", "hai", "ye", "yeh", "yaar",
        // Forms of address after the retraction (session 25 review: "just a joke bro", "es broma amigo", "c'est une blague les gars").
        "bro", "bruh", "dude", "man", "guys", "mate", "fam", "les", "gars", "amigo", "amiga", "amigos", "amigas", "gente", "tio", "tia", "wey", "guey",
        "mano", "mana", "cara", "galera", "pessoal", "leute", "alter", "digga", "jamani", "rafiki", "bhai", "bhaiya", "dost", "doston");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_retractionLookup = s_retraction.GetAlternateLookup<ReadOnlySpan<char>>();

    // One-word counter cues that, with the word right before or after them, name something that is no counter-speech
    // (session 27): a school report ("report card": "…report card lol she hits me with a belt" was read as news), the
    // writer's own news ("bad news"), a pulse, an episode of illness, "par rapport à" (about), a sexual relation, a
    // diary, an episode of illness in es/pt/fr ("en un episodio depresivo quiero matarme esta noche" was cancelled), a last or received message (de "letzte Nachricht", "eine Nachricht"), a greeting (sw "habari yako"),
    // consecutive times (de "in Folge"), lost consciousness (es "perdió la conciencia"). Written "previous cue" or
    // "cue next"; an article between ("perdió la conciencia") is skipped by the caller.
    private static readonly HashSet<string> s_compound = Set(
        "report card", "report cards", "school report", "bad news", "good news", "great news", "some news", "sad news",
        "heart rate", "pulse rate", "vital signs", "psychotic episode", "manic episode", "depressive episode", "insurance policy", "data bundle",
        "episodio depresivo", "episodio psicotico", "episodio depressivo", "episode psychotique",
        "par rapport", "rapport sexuel", "rapports sexuels", "journal intime", "episode depressif",
        "perdio conciencia", "perdiendo conciencia", "perder conciencia", "perdido conciencia", "sin conciencia",
        "letzte nachricht", "eine nachricht", "seine nachricht", "ihre nachricht", "meine nachricht", "in folge", "zur folge",
        "habari yako", "habari zenu", "habari gani", "habari za", "habari njema", "habari mbaya",
        "रिपोर्ट कार्ड");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_compoundLookup = s_compound.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the one-word counter cue <paramref name="cue"/> forms a compound with <paramref name="previous"/> or
    /// <paramref name="next"/> (either may be empty) that is no counter-speech ("report card", "par rapport").
    /// </summary>
    public static bool IsCompound(ReadOnlySpan<char> previous, ReadOnlySpan<char> cue, ReadOnlySpan<char> next) =>
        IsPair(previous, cue) || IsPair(cue, next);

    private static bool IsPair(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.IsEmpty || second.IsEmpty || first.Length + second.Length > 63)
        {
            return false;
        }

        Span<char> pair = stackalloc char[first.Length + second.Length + 1];
        first.CopyTo(pair);
        pair[first.Length] = ' ';
        second.CopyTo(pair[(first.Length + 1)..]);
        return s_compoundLookup.Contains(pair);
    }

    // Arabic "small" ("صغير") is a past cue ("لما كنت صغير", when I was small) except right after a child word, where it
    // describes the child ("طفل صغير وحده في سيارة", a small child alone in a car; session 27).
    private static readonly HashSet<string> s_small = Set("صغير", "صغيرة", "صغيره", "صغار", "الصغير", "الصغيرة", "الصغار");
    private static readonly HashSet<string> s_child = Set(
        "طفل", "طفلة", "طفله", "الطفل", "الطفلة", "أطفال", "اطفال", "الأطفال", "الاطفال", "طفلي", "طفلتي", "ولد", "الولد", "ولاد",
        "أولاد", "اولاد", "بنت", "البنت", "بنات", "ابن", "ابني", "بنتي", "ولدي", "عيال", "بيبي", "البيبي", "رضيع", "الرضيع", "رضيعة", "أخ", "اخ", "أخت", "اخت", "أخوي", "اخوي", "أختي", "اختي");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_smallLookup = s_small.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_childLookup = s_child.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="token"/> is Arabic "small" right after the child word <paramref name="previous"/> ("طفل صغير").</summary>
    public static bool IsSmallChild(ReadOnlySpan<char> previous, ReadOnlySpan<char> token) =>
        s_smallLookup.Contains(token) && s_childLookup.Contains(previous);

    // The writer's "I (am)" right before a phrase counter cue that follows a crisis across a comma ("…, I'm against
    // violence", "…, je suis contre la violence", "…, ich bin gegen Gewalt"; session 27).
    private static readonly HashSet<string> s_stance = Set("i", "im", "am", "je", "suis", "moi", "estoy", "soy", "yo", "sou", "estou", "eu", "ich", "bin", "mimi", "main", "mai", "मैं", "أنا", "انا");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> s_stanceLookup = s_stance.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="token"/> is the writer's "I (am)" (<see cref="s_stance"/>).</summary>
    public static bool IsStance(ReadOnlySpan<char> token) => s_stanceLookup.Contains(token);

    /// <summary>Whether <paramref name="token"/> is an article the compound check skips ("perdió la conciencia").</summary>
    public static bool IsArticle(ReadOnlySpan<char> token) => token is "la" or "el" or "a" or "o" or "the" or "le" or "die" or "der" or "das";

    /// <summary>Whether <paramref name="token"/> is a first-person possessive of lexicon language <paramref name="language"/>.</summary>
    public static bool IsOwn(string language, ReadOnlySpan<char> token) =>
        s_ownLookup.TryGetValue(language, out var lookup) && lookup.Contains(token);

    /// <summary>Whether <paramref name="token"/> (followed by <paramref name="next"/>, empty at a clause's end) says "just happened".</summary>
    public static bool IsRecent(ReadOnlySpan<char> token, ReadOnlySpan<char> next) =>
        s_recentAloneLookup.Contains(token) || (s_recentBeforeDeLookup.Contains(token) && (next.SequenceEqual("de") || next.SequenceEqual("d")));

    /// <summary>Whether <paramref name="token"/> is one of the small words of a retraction ("je", "just", "c'est une").</summary>
    public static bool IsRetractionWord(ReadOnlySpan<char> token) => s_retractionLookup.Contains(token);

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    private static Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> Lookups()
    {
        var lookups = new Dictionary<string, HashSet<string>.AlternateLookup<ReadOnlySpan<char>>>(StringComparer.Ordinal);
        foreach (var (language, words) in s_own)
        {
            lookups[language] = words.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        return lookups;
    }
}
