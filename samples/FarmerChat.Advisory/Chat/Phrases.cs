using FarmerChat.Advisory.Retrieval;

namespace FarmerChat.Advisory.Chat;

/// <summary>The assistant's own sentences in the four languages.</summary>
internal static class Phrases
{
    private static readonly Dictionary<string, string> s_decline = new(StringComparer.Ordinal)
    {
        [Languages.English] = "I don't know: the vetted advice I have says nothing about this, and I will not guess. Please ask your local extension officer.",
        [Languages.Swahili] = "Sijui: ushauri uliothibitishwa nilio nao hauelezi jambo hili, na sitabahatisha. Tafadhali muulize afisa ugani wa eneo lako.",
        [Languages.Hindi] = "मुझे नहीं पता: मेरे पास जो जाँची हुई सलाह है उसमें इस बारे में कुछ नहीं है, और मैं अंदाज़ा नहीं लगाऊँगा। कृपया अपने क्षेत्र के कृषि विस्तार अधिकारी से पूछें।",
        [Languages.French] = "Je ne sais pas : les conseils vérifiés dont je dispose n'en parlent pas, et je ne veux pas deviner. Demandez à votre conseiller agricole (agent de vulgarisation).",
    };

    private static readonly Dictionary<string, string> s_sources = new(StringComparer.Ordinal)
    {
        [Languages.English] = "Sources",
        [Languages.Swahili] = "Vyanzo",
        [Languages.Hindi] = "स्रोत",
        [Languages.French] = "Sources",
    };

    private static readonly Dictionary<string, string> s_adoption = new(StringComparer.Ordinal)
    {
        [Languages.English] = "Did you try it? Tell me later whether you used this advice.",
        [Languages.Swahili] = "Je, uliijaribu? Niambie baadaye kama ulitumia ushauri huu.",
        [Languages.Hindi] = "क्या आपने इसे आज़माया? बाद में बताइए कि आपने यह सलाह अपनाई या नहीं।",
        [Languages.French] = "L'avez-vous essayé ? Dites-moi plus tard si vous avez appliqué ce conseil.",
    };

    private static readonly Dictionary<string, string> s_thanks = new(StringComparer.Ordinal)
    {
        [Languages.English] = "Thank you for telling me. It helps us improve the advice.",
        [Languages.Swahili] = "Asante kwa kuniambia. Inatusaidia kuboresha ushauri.",
        [Languages.Hindi] = "बताने के लिए धन्यवाद। इससे हमें सलाह बेहतर बनाने में मदद मिलती है।",
        [Languages.French] = "Merci de me l'avoir dit. Cela nous aide à améliorer les conseils.",
    };

    /// <summary>"I don't know — ask your extension officer", in <paramref name="language"/>.</summary>
    public static string Decline(string language) => Pick(s_decline, language);

    /// <summary>The heading of the citations.</summary>
    public static string Sources(string language) => Pick(s_sources, language);

    /// <summary>The "did you try it?" question asked after an answer.</summary>
    public static string AdoptionQuestion(string language) => Pick(s_adoption, language);

    /// <summary>The reply to an adoption report.</summary>
    public static string AdoptionThanks(string language) => Pick(s_thanks, language);

    private static string Pick(Dictionary<string, string> texts, string language) =>
        texts.TryGetValue(language, out var text) ? text : texts[Languages.English];
}
