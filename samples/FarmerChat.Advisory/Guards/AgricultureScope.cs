using FarmerChat.Advisory.Retrieval;
using Nonprofit.AI.Guards;

namespace FarmerChat.Advisory.Guards;

/// <summary>
/// The scope guard's topics, built from the knowledge base: one topic per document topic (crops, pests, diseases,
/// soil, water, post-harvest, livestock, safety), described by its English words and the crops it covers, with the
/// documents' titles in the four languages as examples; and a few off-topic examples per language.
/// </summary>
internal static class AgricultureScope
{
    private static readonly Dictionary<string, string> s_descriptions = new(StringComparer.Ordinal)
    {
        ["crops"] = "crops planting seed sowing spacing harvest field farm; kupanda mbegu shamba mazao; बुवाई बीज खेत फसल; semis semences champ culture récolte",
        ["pests"] = "pests insects caterpillars worms weevils leaves eaten holes; wadudu viwavi; कीट इल्ली; ravageurs insectes chenilles",
        ["diseases"] = "plant disease leaves yellow spots wilting rot virus; ugonjwa majani madoa kunyauka; रोग पत्तियाँ धब्बे मुरझाना; maladie feuilles taches flétrissement",
        ["soil"] = "soil fertility compost manure fertiliser erosion; udongo mbolea mboji mmomonyoko; मिट्टी खाद कम्पोस्ट कटाव; sol fertilité compost fumier engrais érosion",
        ["water"] = "water irrigation rain drip harvesting drought; maji umwagiliaji mvua; पानी सिंचाई बारिश; eau irrigation pluie goutte-à-goutte",
        ["post-harvest"] = "storage grain drying bags weevils mould aflatoxin; kuhifadhi nafaka kukausha magunia; भंडारण अनाज सुखाना; stockage grains séchage sacs moisissure",
        ["livestock"] = "livestock cow cattle milk goat sheep chicken poultry vaccination feed; ng'ombe maziwa mbuzi kondoo kuku chanjo lishe; गाय दूध बकरी भेड़ मुर्गी टीका चारा; bétail vache lait chèvre mouton poulet vaccin alimentation",
        ["safety"] = "pesticide spraying safety protective clothing poisoning; dawa za kuua wadudu kunyunyizia usalama; कीटनाशक छिड़काव सुरक्षा; pesticide pulvérisation sécurité protection",
    };

    /// <summary>Farming questions the documents do not cover (markets, prices, credit): in scope, so the farmer hears "ask your extension officer", not "off topic".</summary>
    private static readonly ScopeTopic s_markets = new()
    {
        Name = "markets",
        Description = "market price selling crops buyers farm inputs credit; bei soko kuuza mazao pembejeo; मंडी भाव फसल बेचना; prix marché vendre récolte intrants",
        Examples = ["What is the price of maize at the market?", "Bei ya mahindi sokoni ni kiasi gani?", "मंडी में गेहूँ का भाव क्या है?", "Quel est le prix du maïs au marché ?"],
    };

    /// <summary>Questions in farmers' words, per topic, in the four languages (written for the scope guard; none is a labelled test question).</summary>
    private static readonly Dictionary<string, string[]> s_examples = new(StringComparer.Ordinal)
    {
        ["crops"] = ["When should I plant my maize?", "Nipande mahindi lini?", "धान की रोपाई कब करें?", "Quand semer le riz ?"],
        ["pests"] = ["Insects are eating my crop, what can I do?", "Wadudu wanakula mimea yangu, nifanye nini?", "मेरी फसल में कीड़े लग गए हैं, क्या करूँ?", "Des insectes mangent mes plants, que faire ?"],
        ["diseases"] = ["The leaves of my plants are turning yellow and dying", "Majani ya mimea yangu yanageuka manjano", "पौधों की पत्तियाँ पीली होकर सूख रही हैं", "Les feuilles de mes plantes jaunissent"],
        ["soil"] = ["How can I make my soil more fertile?", "Nifanyeje udongo wangu uwe na rutuba?", "मिट्टी की उपजाऊ शक्ति कैसे बढ़ाएँ?", "Comment rendre mon sol plus fertile ?"],
        ["water"] = ["How often should I water my vegetables?", "Nimwagilie mboga mara ngapi?", "सब्ज़ियों में कितनी बार पानी दें?", "Combien de fois arroser mes légumes ?"],
        ["post-harvest"] = ["How do I store my harvest so it does not rot?", "Nihifadhije mavuno yasioze?", "फसल कटाई के बाद अनाज कैसे रखें?", "Comment conserver ma récolte ?"],
        ["livestock"] = ["My cow gives little milk, what should I feed her?", "My chickens are sick and dying", "Ng'ombe wangu anatoa maziwa kidogo, nimlishe nini?", "Kuku wangu wanakufa", "मेरी गाय कम दूध देती है, क्या खिलाऊँ?", "मेरी बकरियाँ बीमार हैं", "Ma vache donne peu de lait, que lui donner ?", "Mes poules meurent"],
        ["safety"] = ["How do I spray pesticide safely?", "Ninyunyizie dawa kwa usalama vipi?", "कीटनाशक का छिड़काव सुरक्षित कैसे करें?", "Comment pulvériser sans danger ?"],
    };

    private static readonly string[] s_outOfScope =
    [
        "Who won the football match yesterday?", "Tell me a joke", "Which party should I vote for?", "How do I buy phone credit?",
        "Nani alishinda mechi ya mpira jana?", "Niambie kichekesho", "Nitapigia chama gani kura?",
        "कल क्रिकेट मैच किसने जीता?", "मुझे एक चुटकुला सुनाओ", "किस पार्टी को वोट दूँ?",
        "Qui a gagné le match de foot hier ?", "Raconte-moi une blague", "Pour quel parti voter ?",
    ];

    public static ScopeOptions Create(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var topics = knowledge.Documents
            .GroupBy(d => d.Topic, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScopeTopic
            {
                Name = g.Key,
                Description = $"{s_descriptions.GetValueOrDefault(g.Key, g.Key)}; {string.Join(' ', g.SelectMany(d => d.Crops).Distinct(StringComparer.Ordinal))}",
                Examples = [.. g.Select(d => d.Title).Concat(s_examples.GetValueOrDefault(g.Key, []))],
            })
            .Append(s_markets)
            .ToList();
        return new ScopeOptions { Topics = topics, OutOfScopeExamples = [.. s_outOfScope] };
    }
}
