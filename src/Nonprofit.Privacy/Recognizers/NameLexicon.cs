using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Privacy.Recognizers;

/// <summary>
/// The small hand-written lexicons of the name, place and address recognizer, in English, French, Spanish,
/// Portuguese, Swahili and Hindi (Latin and Devanagari): honorifics, cue phrases, street types, unit words and
/// frequent words that start sentences but are not names.
/// </summary>
[Flags]
internal enum CueStart : byte
{
    None = 0,
    Person = 1,
    Location = 2,
    Postcode = 4,
    Honorific = 8,
}

internal static class NameLexicon
{
    public static WordSet Honorifics { get; } = Set(
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "dame", "lord", "lady", "rev", "fr", "sr", "sra", "srta",
        "m", "mme", "mlle", "monsieur", "madame", "mademoiselle", "don", "doña", "dona", "dom", "señor", "señora", "senhor", "senhora",
        "bw", "bi", "bwana", "bibi", "mzee", "mama", "baba", "dada", "kaka", "shri", "sri", "smt", "shrimati", "kumari", "km",
        "श्री", "श्रीमती", "कुमारी", "डॉ",
        // Titles of a profession used as honorifics ("Daktari Achieng", "Mwalimu Kiprono", "Doutora Ana").
        "daktari", "dkt", "mwalimu", "mwl", "doctor", "doctora", "docteur", "doutor", "doutora", "dra", "professor", "profesor",
        "profesora", "professora", "professeur");

    // Devanagari relation words, typed once: weak person cues and RelationWords. Declared before PersonCues, whose
    // initialiser reads it.
    private static readonly string[] s_relationWords =
    [
        "पति", "पत्नी", "बेटी", "बेटा", "बेटे", "बहन", "भाई", "सास", "ससुर", "देवर", "जेठ", "ननद", "भाभी", "बहू", "दामाद",
        "पड़ोसी", "पड़ोसन", "सहेली", "दोस्त",
    ];

    // Cue phrases followed by a person's name. Strong cues accept a lower-case name; weak ones need a capital.
    public static (string[] Words, bool Strong)[] PersonCues { get; } =
    [
        .. Cues(true,
            "my name is", "my name's", "name is", "his name is", "her name is", "i am called", "call me", "known as", "named", "name :",
            "full name :", "patient :", "client :", "signed", "directed by :", "directed by", "written by", "regards ,", "sincerely ,",
            "je m'appelle", "je m’appelle", "mon nom est", "il s'appelle", "elle s'appelle", "nom :", "prénom :",
            "me llamo", "mi nombre es", "se llama", "nombre :",
            "meu nome é", "me chamo", "se chama", "chama-se", "nome :",
            "jina langu ni", "naitwa", "ninaitwa", "anaitwa", "jina lake ni", "jina :",
            "mera naam", "mera nam", "meri naam", "uska naam", "unka naam", "naam :", "मेरा नाम", "उसका नाम", "नाम :",
            // Swahili and Hindi naming cues typed in a hurry: strong like their full forms, as most Swahili and Hindi
            // names are missing from the given-name gazetteer.
            "jina lng ni", "jina lang ni", "mera nm", "मेरा नम"),
        // Naming cues as typed in a hurry (no apostrophe, letters dropped or run together, SMS spellings): weak, so a
        // lower-case word after them is a name only when the given-name gazetteer knows it ("meu nome e segredo").
        .. Cues(false,
            "my names", "my nam is", "my name iz", "ma name is", "je m appelle", "je m apelle", "je m'apelle",
            "jm'appelle", "jmappelle", "jmapelle", "jmappel", "jm appelle", "me yamo", "meu nome e", "meu nomi e"),
        .. Cues(false,
            "i am", "i'm", "i’m", "this is", "it's", "hello", "hi", "dear", "thanks", "thank you", "ask for", "talk to", "speak to",
            "my husband", "my wife", "my partner", "my boyfriend", "my girlfriend", "my ex", "my sister", "my brother", "my son",
            "my daughter", "my mother", "my father", "my friend", "my neighbour", "my neighbor", "my uncle", "my aunt", "my cousin",
            "je suis", "bonjour", "mon mari", "ma femme", "mon copain", "ma sœur", "mon frère", "mon fils", "ma fille", "ma mère", "mon père",
            "soy", "hola", "mi esposo", "mi marido", "mi esposa", "mi novio", "mi hermana", "mi hermano", "mi hijo", "mi hija", "mi madre",
            "eu sou", "sou o", "sou a", "olá", "meu marido", "minha esposa", "meu namorado", "minha irmã", "meu irmão", "meu filho", "minha filha",
            "mimi ni", "habari", "mume wangu", "mke wangu", "dada yangu", "kaka yangu", "mtoto wangu", "rafiki yangu",
            "main", "mai", "namaste", "mere pati", "meri patni", "meri behen", "mera bhai", "मैं", "मेरे पति", "मेरी पत्नी",
            // How a name will be shown, and what a person is called ("me dicen Chela"): a capital is required, as
            // "me dicen que ..." and "call me back" go on with ordinary words.
            "name will show as", "name will appear as", "name shows as", "name appears as", "nom apparaîtra comme",
            "nom s'affichera comme", "on m'appelle", "on m’appelle", "appelle-moi", "nombre aparecerá como", "me dicen", "me llaman",
            "nome aparecerá como", "nome vai aparecer como", "me chamam de", "me chamam", "me chamar de", "jina litaonekana kama", "jina litaonekana",
            "niite", "wananiita", "huniita"),
        .. Cues(true,
            "मेरी बहन", "मेरी सहेली", "मेरी बेटी", "मेरा बेटा", "मेरे बेटे", "मेरे भाई", "मेरा भाई", "मेरी माँ", "मेरे पिता", "मरीज़", "मरीज",
            "किसान", "नाम", "दीदी", "एजेंट", "श्री", "श्रीमती", "डॉ", "डॉक्टर"),
        // Relation words in Devanagari before a name without another cue ("पति रमेश ने", "बेटी प्रिया जी"): weak, and a
        // name after them needs the given-name gazetteer or a case marker (see RelationWords).
        .. Cues(false, s_relationWords),
    ];

    /// <summary>
    /// Devanagari relation words (the last word of a cue such as "मेरे पति"): after them a name needs the given-name
    /// gazetteer or a case marker ("ने", "जी") after it, not a copula ("पति शराबी है" is no name).
    /// </summary>
    public static WordSet RelationWords { get; } = Set(s_relationWords);

    /// <summary>
    /// Devanagari common nouns that stand where a name would after a relation word and before "ने"/"जी" ("मेरी सास मम्मी जी",
    /// "मेरे पति पुलिस वाले ने", "मेरे दोस्त लोग ने"): kin terms, roles and plurals, no names.
    /// </summary>
    public static WordSet DevanagariNotNames { get; } = Set(
        "मम्मी", "मम्मा", "माँ", "मां", "माता", "अम्मा", "अम्मी", "पापा", "पिता", "पिताजी", "बाबा", "बाबू", "बापू", "अब्बा", "अब्बू",
        "दादा", "दादी", "नाना", "नानी", "चाचा", "चाची", "मामा", "मामी", "बुआ", "फूफा", "मौसी", "मौसा", "ताऊ", "ताई", "भैया", "भइया",
        "दीदी", "बाजी", "साहब", "साहिब", "सेठ", "मालिक", "मैडम", "सर", "बॉस", "पुलिस", "पुलिसवाले", "सिपाही", "दरोगा", "थानेदार",
        "अफसर", "अधिकारी", "वकील", "नेता", "टीचर", "मास्टर", "डॉक्टर", "नर्स", "ड्राइवर", "वाले", "वाला", "वाली", "लोग", "लोगों",
        "सब", "सभी", "सारे", "दोनों", "घरवाले", "परिवार", "बच्चे", "बच्चा", "बच्ची", "भी", "तो", "ही", "आप", "वो", "वह", "वे",
        "पति", "पत्नी", "बेटी", "बेटा", "बेटे", "बहन", "भाई", "सास", "ससुर", "देवर", "जेठ", "ननद", "भाभी", "बहू", "दामाद",
        "पड़ोसी", "पड़ोसन", "सहेली", "दोस्त");

    /// <summary>
    /// Words that end a name in India, also read as honorifics before one ("Kumari Asha"): after a given name they are
    /// part of it ("Pooja Kumari", "सुनीता देवी").
    /// </summary>
    /// <summary>
    /// Given names that are also ordinary words when written in lower case after a cue ("call me back", "call me soon",
    /// "i am frank with you", "soy morena", "je suis claire"): refused there, still names when capitalised ("my name
    /// is Soon Lee", "Dear Frank").
    /// </summary>
    public static WordSet LowerCaseNotNames { get; } = Set(
        "back", "soon", "frank", "morena", "moreno", "claire", "aimée", "aimee", "rené", "désirée", "blanca", "clara", "dulce");

    public static WordSet NameEndings { get; } = Set("kumari", "kumar", "devi", "कुमारी", "कुमार", "देवी", "बाई", "bai");

    /// <summary>The person cues indexed by their first word, so a scan does one lookup per word.</summary>
    public static FrozenDictionary<string, (string[] Words, bool Strong)[]> PersonCuesByFirstWord { get; } =
        PersonCues.GroupBy(c => c.Words[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

    // Cue phrases followed by a place where a person lives, comes from or goes.
    public static string[][] LocationCues { get; } = Cues(
        "live in", "lives in", "living in", "lived in", "moved to", "moved here from", "moved from", "originally from", "i'm from", "i am from",
        "born in", "grew up in", "travelling to", "traveling to", "relocated to", "staying in", "based in", "located in", "coming to",
        "from", "in", "to", "near", "at",
        "j'habite à", "j’habite à", "j'habite en", "je vis à", "je viens de", "originaire de", "né à", "née à", "à", "en",
        "vivo en", "vivo em", "soy de", "sou de", "moro em", "moro no", "moro na", "nací en", "nasci em", "de", "em", "no", "na",
        "ninaishi", "naishi", "anaishi", "ninatoka", "natoka", "kutoka", "huko", "mjini", "katika",
        "rehta hoon", "rehti hoon", "se hoon", "mein", "में", "से").Select(c => c.Words).ToArray();

    /// <summary>The person cues by first word, looked up by the word's folded hash (the answers of <see cref="PersonCuesByFirstWord"/>).</summary>
    public static CueTable<(string[] Words, bool Strong)[]> PersonCueLookup { get; } = new(PersonCuesByFirstWord);

    /// <summary>The location cues indexed by their first word, longest first.</summary>
    public static FrozenDictionary<string, string[][]> LocationCuesByFirstWord { get; } =
        LocationCues.GroupBy(c => c[0], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Length).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The location cues by first word, looked up by the word's folded hash (the answers of <see cref="LocationCuesByFirstWord"/>).</summary>
    public static CueTable<string[][]> LocationCueLookup { get; } = new(LocationCuesByFirstWord);

    /// <summary>
    /// The first words of location cues whose every cue is that word alone, and whose folded form no first word of a
    /// longer cue shares (so a word the tokenizer gives this class has only one-word cues, whatever its case).
    /// </summary>
    public static IReadOnlyList<string> SingleWordLocationCues { get; } = SingleWordCues();

    private static string[] SingleWordCues()
    {
        var longer = LocationCuesByFirstWord.Where(p => p.Value.Any(c => c.Length > 1))
            .Select(p => WordTable.Folded(p.Key, p.Key.Length)).ToHashSet(StringComparer.Ordinal);
        return [.. LocationCuesByFirstWord.Where(p => p.Value.All(c => c.Length == 1) && !longer.Contains(WordTable.Folded(p.Key, p.Key.Length)))
            .Select(p => p.Key)];
    }

    /// <summary>Location cues that are bare prepositions: they only support a gazetteer hit, never an unknown word.</summary>
    public static WordSet WeakLocationCues { get; } = Set(
        "from", "in", "to", "near", "at", "à", "en", "de", "em", "no", "na", "kutoka", "huko", "katika", "mein", "में", "से", "mjini");

    // Street types written after the street name: "Main Street", "Moi Avenue", "Gandhi Marg".
    public static WordSet StreetSuffixes { get; } = Set(
        "street", "st", "avenue", "ave", "av", "road", "rd", "lane", "ln", "drive", "dr", "boulevard", "blvd", "court", "ct", "place", "pl",
        "way", "square", "sq", "terrace", "parkway", "pkwy", "highway", "hwy", "circle", "cir", "crescent", "close", "gardens", "grove",
        "row", "mews", "walk", "alley", "trail", "plaza", "park", "hill", "heights", "view", "ridge", "point", "crossing", "loop", "path",
        "pike", "expressway", "freeway", "turnpike", "estate", "estates", "fields", "green", "gate", "wharf", "quay",
        "marg", "nagar", "colony", "vihar", "enclave", "chowk", "gali", "bazaar", "bagh", "puram", "pur", "ganj",
        "straße", "strasse", "weg", "gasse", "laan", "straat", "vej", "gatan", "gata", "katu", "tie", "utca", "ulica",
        "मार्ग", "नगर", "रोड", "कॉलोनी", "गली", "चौक");

    // Street types written before the street name: "rue de la Paix", "Calle Mayor", "Rua Augusta", "Barabara ya Moi".
    public static WordSet StreetPrefixes { get; } = Set(
        "rue", "avenue", "av", "boulevard", "bd", "bld", "chemin", "allée", "allee", "impasse", "place", "quai", "route", "cours", "square", "passage",
        "calle", "c", "avenida", "avda", "paseo", "plaza", "camino", "carretera", "ronda", "travesía", "glorieta",
        "rua", "r", "travessa", "praça", "praca", "estrada", "largo", "alameda", "rodovia", "beco", "ladeira",
        "barabara", "mtaa", "njia", "sector", "plot", "house", "flat", "block");

    /// <summary>Numbered areas of a town ("Sector 15", "Plot 27", "सेक्टर 62"): an address when a place follows them.</summary>
    public static WordSet NumberedAreas { get; } = Set("sector", "plot", "ward", "block", "सेक्टर", "प्लॉट", "वार्ड", "ब्लॉक");

    public static WordSet UnitWords { get; } = Set(
        "apt", "apartment", "suite", "ste", "unit", "flat", "floor", "fl", "room", "rm", "box", "po", "bldg", "building", "#", "no",
        "appartement", "appt", "étage", "etage", "bât", "bat", "piso", "puerta", "dpto", "depto", "apto", "andar", "bloco", "sala",
        "nyumba", "ghorofa", "makazi", "ghar", "makaan", "मकान", "फ्लैट", "फ़्लैट");

    public static WordSet NameParticles { get; } = Set(
        "de", "da", "do", "das", "dos", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der", "den", "ter", "ten", "bin",
        "binti", "bint", "ibn", "al", "el", "y", "e", "st");

    public static WordSet PostcodeWords { get; } = Set(
        "zip", "zipcode", "postcode", "postal", "cep", "cp", "pin", "pincode", "plz", "sanduku", "पिन", "पिनकोड");

    /// <summary>Words for "number" written between a unit and its number ("H.No. 12", "Gali No. 5", "मकान नं. 45").</summary>
    public static WordSet NumberWords { get; } = Set("no", "nr", "nº", "n°", "num", "number", "नं", "नंबर", "नम्बर");

    /// <summary>Frequent words that are capitalised at the start of a sentence or in titles but are not names or places.</summary>
    public static WordSet CommonWords { get; } = Set(
        // English
        "the", "a", "an", "and", "or", "but", "if", "then", "so", "because", "as", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "about", "into", "over", "after", "before", "under", "between", "through", "during", "without", "within", "up", "down", "out", "off",
        "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its", "our", "their", "mine",
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will", "would",
        "shall", "should", "may", "might", "must", "not", "no", "yes", "ok", "okay", "please", "thanks", "thank", "hello", "hi", "hey",
        "dear", "regards", "best", "kind", "sincerely", "all", "any", "some", "every", "each", "both", "either", "neither", "one", "two",
        "three", "first", "second", "last", "next", "new", "old", "good", "great", "bad", "big", "small", "more", "most", "less", "very",
        "just", "also", "only", "even", "still", "again", "now", "asap", "pls", "plz", "today", "tomorrow", "yesterday", "tonight", "always", "never", "sometimes",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june",
        "july", "august", "september", "october", "november", "december", "street", "road", "avenue", "city", "country", "state",
        "north", "south", "east", "west", "central", "university", "college", "school", "hospital", "clinic", "bank", "company", "inc",
        "ltd", "llc", "group", "office", "desk", "fax", "mobile", "phone", "email", "tel", "address", "name", "note", "notes", "subject",
        "date", "time", "bot", "user", "agent", "customer", "client", "patient", "doctor", "nurse", "mother", "father", "help", "call",
        "card", "account", "credit", "debit", "number", "police", "god", "lord", "english", "french", "spanish", "american", "african",
        "indian", "european", "how's", "what's", "i'm", "i'll", "i've", "i'd", "don't", "can't", "it's", "let's", "that's", "there's",
        "hotline", "chat", "message", "report", "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "billing", "shipping", "home", "work",
        "where", "when", "action", "adventure", "animation", "comedy", "kids", "family", "mystery", "suspense", "directed", "written",
        // French
        "le", "la", "les", "un", "une", "des", "du", "et", "ou", "mais", "donc", "car", "je", "tu", "il", "elle", "nous", "vous", "ils",
        "elles", "mon", "ma", "mes", "ton", "ta", "son", "sa", "ses", "ce", "cette", "ces", "qui", "que", "quoi", "où", "quand", "comment",
        "bonjour", "merci", "oui", "non", "avec", "pour", "dans", "sur", "chez", "est", "suis", "rue", "madame", "monsieur",
        // Time and quantity words that follow a naming cue with a capital ("Appelle-moi Demain", "Me llaman Todos los
        // días"; review finding 11). Not "hier", "hoy", "tous", "ayer", "toda", "sasa", "nada": surnames or given names.
        "demain", "aujourd'hui", "maintenant", "toujours", "jamais", "souvent", "tout", "toute", "toutes", "encore", "bientôt",
        "mañana", "ahora", "siempre", "nunca", "todos", "todas", "todo", "luego", "después",
        "amanhã", "hoje", "ontem", "agora", "sempre", "tudo", "depois", "wote", "baadaye", "later", "anytime", "everyone", "everybody",
        // Spanish / Portuguese
        "el", "los", "las", "unos", "unas", "y", "o", "pero", "yo", "tú", "él", "ella", "nosotros", "ellos", "mi", "tu", "su", "mis",
        "hola", "gracias", "sí", "por", "para", "con", "en", "es", "soy", "calle", "señor", "señora", "o", "os", "as", "um", "uma",
        "eu", "ele", "ela", "nós", "eles", "meu", "minha", "seu", "sua", "olá", "obrigado", "obrigada", "sim", "não", "com", "em", "rua",
        // Swahili
        "na", "ya", "wa", "za", "kwa", "ni", "si", "mimi", "wewe", "yeye", "sisi", "wao", "habari", "asante", "ndiyo", "hapana", "tafadhali",
        "leo", "kesho", "jana", "mama", "baba", "mtoto", "daktari", "shamba", "mahindi", "nina", "niko", "una", "uko", "ana", "yuko",
        "tuna", "tuko", "mna", "wana", "wako", "kuna", "hapa", "pale", "oda", "lita", "kilo", "saa", "siku", "wiki", "mwezi", "mwaka",
        "mkutano", "kikundi", "bei", "pesa", "maji", "dawa", "hospitali", "kliniki", "barua", "simu", "namba",
        "janam", "tithi", "umar", "saal", "mandi", "asha", "khet", "fasal", "beej", "paani", "dawai", "kisan",
        "give", "grant", "take", "send", "bring", "keep", "put", "let", "tell", "ask", "check", "apply", "add", "use",
        // Hindi (Latin)
        "main", "mai", "mera", "meri", "mere", "aap", "hum", "woh", "yeh", "hai", "hain", "tha", "thi", "ka", "ki", "ke", "ko", "se",
        "mein", "aur", "namaste", "dhanyavad", "haan", "nahi", "kya", "kaise", "kab", "kahan", "bhai", "behen", "didi",
        // Hindi (Devanagari): function words and frequent nouns that follow or precede names
        "है", "हैं", "था", "थी", "थे", "हूँ", "हूं", "हो", "का", "की", "के", "को", "ने", "में", "से", "पर", "और", "या", "भी", "तो", "ही",
        "यह", "वह", "ये", "वो", "मैं", "मेरा", "मेरी", "मेरे", "हम", "हमारा", "हमारी", "आप", "उसका", "उसकी", "उसके", "उम्र", "साल",
        "वर्ष", "जी", "नाम", "नंबर", "मोबाइल", "फ़ोन", "फोन", "पता", "घर", "मकान", "गाँव", "गांव", "जिला", "शहर", "अभी", "आज", "कल",
        "बहन", "भाई", "पति", "पत्नी", "बेटी", "बेटा", "माँ", "पिता", "मरीज़", "मरीज", "किसान", "दीदी", "आशा", "डॉक्टर", "अस्पताल",
        "खेत", "फसल", "पानी", "दवा", "बच्चे", "बच्चा", "लिए", "लिया", "दिया", "कीजिए", "करें", "करना", "गया", "गई", "रहा", "रही",
        "रहते", "रहती", "बताया", "जन्म", "तिथि", "कोड", "पिन", "नया", "नई", "पुराना", "अपनी", "अपना", "अपने", "एक", "दो", "तीन",
        // What follows "मैं" ("I") or a relation word and is no name: states, adverbs, frequent words ("मैं बहुत परेशान
        // हूँ", "पति रोज़ मारते हैं").
        "बहुत", "परेशान", "ठीक", "डरी", "डरा", "डरती", "डरता", "अकेली", "अकेला", "बीमार", "दुखी", "खुश", "तंग", "मजबूर", "मजबूरी",
        "गर्भवती", "यहाँ", "यहां", "वहाँ", "वहां", "अब", "नहीं", "बस", "सुरक्षित", "घायल", "थकी", "थका", "कमज़ोर", "कमजोर",
        "रोज़", "रोज", "हमेशा", "फिर", "कभी", "शराब", "शराबी", "मुझे", "मुझसे", "हमें", "उन्होंने", "उसने", "कुछ", "सब",
        "क्या", "कैसे", "कहाँ", "कब", "क्यों", "बात", "काम", "स्कूल", "बाहर", "अंदर", "साथ", "पास", "पहले", "बाद", "जल्दी");

    /// <summary>What a word may start: one lookup per word tells which cue matchers to try.</summary>
    public static FrozenDictionary<string, CueStart> CueStarts { get; } = BuildCueStarts();

    /// <summary>Gets the span lookup of <see cref="CueStarts"/>.</summary>
    public static FrozenDictionary<string, CueStart>.AlternateLookup<ReadOnlySpan<char>> CueStartLookup { get; } =
        CueStarts.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenDictionary<string, CueStart> BuildCueStarts()
    {
        var starts = new Dictionary<string, CueStart>(StringComparer.OrdinalIgnoreCase);
        void Mark(string word, CueStart kind) => starts[word] = starts.GetValueOrDefault(word) | kind;
        foreach (var (words, _) in PersonCues)
        {
            Mark(words[0], CueStart.Person);
        }

        foreach (var words in LocationCues)
        {
            Mark(words[0], CueStart.Location);
        }

        foreach (var word in PostcodeWords.Words)
        {
            Mark(word, CueStart.Postcode);
        }

        foreach (var word in Honorifics.Words)
        {
            Mark(word, CueStart.Honorific);
        }

        return starts.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static WordSet Set(params string[] words) => new(words);

    private static (string[] Words, bool Strong)[] Cues(bool strong, params string[] phrases) =>
        [.. phrases.Select(p => (Split(p), strong))];

    private static (string[] Words, bool Strong)[] Cues(params string[] phrases) => Cues(true, phrases);

    // "my name's" is two tokens for the tokenizer ("my", "name's"); "name :" is "name" then ":".
    private static string[] Split(string phrase) => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
