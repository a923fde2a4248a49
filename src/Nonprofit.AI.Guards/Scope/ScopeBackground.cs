namespace Nonprofit.AI.Guards;

/// <summary>
/// Everyday questions on no particular app's topic, in en, fr, es, pt, sw, hi (Devanagari and romanised), de and ar,
/// written for this package. <see cref="SimilarityScopeClassifier"/> uses them as the "anything else" class: the
/// words and word pieces every question has ("what is the", "comment faire", "kya hai") score neutral, and only the
/// topics' own words pull a message into scope. They avoid farming, health, family, violence and legal matters, and
/// paraphrases of the questions of the evaluation set (benchmarks/Nonprofit.Evaluation/Guards/Data/scope-dev.jsonl).
/// </summary>
internal static class ScopeBackground
{
    public static readonly string[] Questions =
    [
        // en
        "How do I get to the train station from here?", "How do I reset my email password?", "When were the pyramids built?", "Give me ideas for a birthday gift",
        "How do I install this app on my phone?", "Write me a short story about a dragon", "What time does the shop close today?",
        "How many kilometres is it from Paris to Berlin?", "Which laptop should I buy for school?",
        "Translate this sentence into English for me",
        "Who is the richest person in the world?", "Explain how airplanes fly",
        // fr
        "Comment aller à la gare d'ici ?", "Comment changer le mot de passe de ma messagerie ?", "Quand les pyramides ont-elles été construites ?",
        "Comment installer cette application sur mon téléphone ?", "Écris-moi une histoire de dragon", "À quelle heure ferme le magasin ?",
        "Combien de kilomètres entre Paris et Berlin ?", "Quel ordinateur acheter pour l'école ?",
        "Qui est la personne la plus riche du monde ?", "Explique-moi comment volent les avions",
        // es
        "¿Cómo llego a la estación de tren?", "¿Cómo cambio la contraseña de mi correo?", "¿Cuándo se construyeron las pirámides?",
        "¿Cómo instalo esta aplicación en mi teléfono?", "Escríbeme un cuento sobre un dragón", "¿A qué hora cierra la tienda hoy?",
        "¿Qué computadora compro para la escuela?",
        "¿Quién es la persona más rica del mundo?", "Explícame cómo vuelan los aviones",
        // pt
        "Como chego à estação de comboios?", "Como mudo a palavra-passe do meu email?", "Quando foram construídas as pirâmides?",
        "Como instalo este aplicativo no meu telemóvel?", "Escreve-me uma história sobre um dragão", "A que horas fecha a loja hoje?",
        "Que computador devo comprar para a escola?",
        "Quem é a pessoa mais rica do mundo?", "Explica como os aviões voam",
        // sw
        "Nitafikaje kituo cha treni?", "Nabadilishaje nenosiri la barua pepe yangu?", "Piramidi zilijengwa lini?",
        "Nitaweka vipi programu hii kwenye simu yangu?", "Niandikie hadithi fupi kuhusu joka", "Duka linafungwa saa ngapi leo?",
        "Ninunue kompyuta gani kwa ajili ya shule?",
        "Mtu tajiri zaidi duniani ni nani?", "Nieleze jinsi ndege zinavyoruka",
        // hi (Devanagari)
        "रेलवे स्टेशन कैसे पहुँचूँ?", "ईमेल का पासवर्ड कैसे बदलें?", "पिरामिड कब बने थे?",
        "इस ऐप को फोन में कैसे डालें?",
        "मुझे एक ड्रैगन की कहानी लिखकर दो", "आज दुकान कितने बजे बंद होगी?", "स्कूल के लिए कौन सा लैपटॉप लूँ?",
        "दुनिया का सबसे अमीर आदमी कौन है?", "हवाई जहाज कैसे उड़ता है समझाओ",
        // hi (romanised)
        "Railway station kaise pahunchu?", "Email ka password kaise badlein?",
        "Ye app phone mein kaise daalein?",
        "School ke liye kaunsa laptop lun?", "Duniya ka sabse ameer aadmi kaun hai?",
        // de
        "Wie komme ich zum Bahnhof?", "Wie ändere ich mein E-Mail-Passwort?", "Wann wurden die Pyramiden gebaut?",
        "Wie installiere ich diese App auf meinem Handy?", "Schreib mir eine Geschichte über einen Drachen", "Wann schließt der Laden heute?",
        "Welchen Laptop soll ich für die Schule kaufen?",
        "Wer ist der reichste Mensch der Welt?", "Erklär mir, wie Flugzeuge fliegen",
        // ar
        "كيف أصل إلى محطة القطار؟", "كيف أغير كلمة مرور بريدي؟", "متى بنيت الأهرامات؟",
        "كيف أثبت هذا التطبيق على هاتفي؟",
        "اكتب لي قصة قصيرة عن تنين", "متى يغلق المتجر اليوم؟", "أي حاسوب أشتري للمدرسة؟",
        "من هو أغنى شخص في العالم؟", "اشرح لي كيف تطير الطائرات",
    ];
}
