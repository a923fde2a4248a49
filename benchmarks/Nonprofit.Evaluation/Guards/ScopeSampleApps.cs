using Nonprofit.AI.Guards;

namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// The two sample apps of the scope evaluation, configured as an app would: topics with a description and a few
/// example questions in the languages the app serves (one per language and topic), and a few out-of-scope examples.
/// Written for this repository (no outside data). The evaluation questions (Data/scope-dev.jsonl) are different texts.
/// </summary>
internal static class ScopeSampleApps
{
    public static ScopeOptions Agriculture(double threshold) => new()
    {
        Threshold = threshold,
        Topics =
        [
            new ScopeTopic
            {
                Name = "crops",
                Description = "crops planting sowing seeds harvest maize corn beans rice cassava tomato wheat; cultures semis récolte; cultivos siembra cosecha; culturas plantio colheita; mazao kupanda mavuno mahindi maharagwe; फसल बुवाई बीज कटाई मक्का; Anbau Aussaat Ernte Mais",
                Examples =
                [
                    "When is the best time to plant maize after the first rains?",
                    "Quand faut-il semer le maïs et à quelle distance entre les rangs ?",
                    "¿Cuántas semillas de frijol pongo por hoyo?",
                    "Qual é a melhor época para colher a mandioca?",
                    "Ni lini ni wakati mzuri wa kupanda mahindi?",
                    "मक्का की बुवाई कब करनी चाहिए?",
                    "Wann sollte ich die Bohnen aussäen?",
                ],
            },
            new ScopeTopic
            {
                Name = "pests",
                Description = "pests insects disease armyworm aphids fungus spray pesticide; ravageurs chenille légionnaire maladie; plagas gusano cogollero enfermedad; pragas lagarta doença; wadudu viwavijeshi ugonjwa dawa; कीट इल्ली रोग दवा छिड़काव; Schädlinge Raupen Krankheit spritzen",
                Examples =
                [
                    "Caterpillars are eating my maize leaves, what can I spray?",
                    "Comment lutter contre la chenille légionnaire d'automne ?",
                    "Mis tomates tienen manchas negras en las hojas, ¿qué enfermedad es?",
                    "Como controlar os pulgões na couve sem veneno?",
                    "Wadudu wanakula majani ya mahindi yangu, nitumie dawa gani?",
                    "टमाटर के पत्तों पर कीड़े लग गए हैं, क्या छिड़काव करूँ?",
                    "Welche Mittel helfen gegen Blattläuse am Kohl?",
                ],
            },
            new ScopeTopic
            {
                Name = "soil",
                Description = "soil fertiliser fertilizer manure compost erosion acidity lime; sol engrais fumier compost; suelo fertilizante abono estiércol; solo adubo esterco calcário; udongo mbolea samadi mboji; मिट्टी खाद उर्वरक गोबर कम्पोस्ट; Boden Dünger Mist Kompost",
                Examples =
                [
                    "How much fertiliser should I put on one acre of maize?",
                    "Comment améliorer un sol pauvre avec du compost ?",
                    "¿Cuándo debo aplicar el abono a mi maíz?",
                    "Meu solo é ácido, quanto calcário devo usar?",
                    "Nitatengenezaje mboji kwa ajili ya shamba langu?",
                    "मिट्टी की जाँच कहाँ करवाएँ और कौन सी खाद डालें?",
                    "Wie viel Kompost brauche ich für mein Feld?",
                ],
            },
            new ScopeTopic
            {
                Name = "livestock",
                Description = "livestock cattle cows goats sheep chickens poultry milk vaccination feed; bétail vaches chèvres poules lait vaccin; ganado vacas cabras gallinas leche vacuna; gado vacas cabras galinhas leite vacina; mifugo ng'ombe mbuzi kuku maziwa chanjo; पशु गाय बकरी मुर्गी दूध टीका चारा; Vieh Kühe Ziegen Hühner Milch Impfung Futter",
                Examples =
                [
                    "My cow is giving less milk, what should I feed her?",
                    "Quels vaccins pour mes poules pondeuses ?",
                    "Mi cabra tiene diarrea, ¿qué hago?",
                    "Quantas vezes por dia devo alimentar os pintinhos?",
                    "Ng'ombe wangu ana homa, nifanye nini?",
                    "गाय का दूध बढ़ाने के लिए कौन सा चारा दें?",
                    "Wann muss ich meine Ziegen entwurmen?",
                ],
            },
            new ScopeTopic
            {
                Name = "markets",
                Description = "market price sell buy cooperative storage selling; marché prix vendre acheter coopérative stockage; mercado precio vender comprar cooperativa; mercado preço vender comprar cooperativa armazenamento; soko bei kuuza kununua chama ghala; मंडी भाव बेचना खरीदना भंडारण; Markt Preis verkaufen kaufen Genossenschaft Lagerung",
                Examples =
                [
                    "What is the price of maize at the market this week?",
                    "Où vendre mes oignons au meilleur prix ?",
                    "¿Conviene guardar el maíz o venderlo ahora?",
                    "Como vender o meu café através da cooperativa?",
                    "Bei ya maharagwe sokoni ni kiasi gani leo?",
                    "मंडी में गेहूँ का भाव क्या चल रहा है?",
                    "Wo kann ich meine Kartoffeln verkaufen?",
                ],
            },
            new ScopeTopic
            {
                Name = "weather",
                Description = "weather rain drought forecast season irrigation water; météo pluie sécheresse prévisions irrigation; clima lluvia sequía pronóstico riego; tempo chuva seca previsão irrigação; hali ya hewa mvua ukame utabiri umwagiliaji; मौसम बारिश सूखा पूर्वानुमान सिंचाई; Wetter Regen Dürre Vorhersage Bewässerung",
                Examples =
                [
                    "Will it rain this week in my district?",
                    "Les pluies vont-elles arriver en retard cette saison ?",
                    "¿Cómo riego mis cultivos durante la sequía?",
                    "Qual é a previsão de chuva para o próximo mês?",
                    "Mvua za vuli zitaanza lini mwaka huu?",
                    "इस हफ्ते बारिश होगी क्या, सिंचाई करूँ या नहीं?",
                    "Wie ist die Wettervorhersage für die Aussaat?",
                ],
            },
        ],
        OutOfScopeExamples =
        [
            "Who won the football match yesterday?",
            "Tell me a joke",
            "Write a poem about love",
            "Help me with my maths homework",
            "Qui a gagné le match hier soir ?",
            "¿Quién ganó las elecciones?",
            "Nani alishinda mechi jana?",
            "Bitcoin ka rate kya hai?",
        ],
    };

    public static ScopeOptions DomesticViolenceSupport(double threshold) => new()
    {
        Threshold = threshold,
        Topics =
        [
            new ScopeTopic
            {
                Name = "safety",
                Description = "safety danger safety plan abuse violence partner husband hurt threat; sécurité danger violence conjoint menace; seguridad peligro violencia pareja amenaza; segurança perigo violência parceiro ameaça; usalama hatari ukatili mume vitisho; सुरक्षा खतरा हिंसा पति धमकी; Sicherheit Gefahr Gewalt Partner Drohung",
                Examples =
                [
                    "How can I make a safety plan if my partner gets violent again?",
                    "Mon mari me menace, comment me protéger ?",
                    "¿Qué hago si mi pareja me vigila el teléfono?",
                    "Como posso sair de casa com segurança com os meus filhos?",
                    "Mume wangu ananipiga, nifanye nini ili niwe salama?",
                    "पति मारपीट करता है, मैं खुद को सुरक्षित कैसे रखूँ?",
                    "Wie kann ich mich vor meinem gewalttätigen Partner schützen?",
                ],
            },
            new ScopeTopic
            {
                Name = "legal",
                Description = "legal rights law protection order restraining order police court lawyer divorce custody; droits loi ordonnance de protection plainte avocat divorce garde; derechos ley orden de protección denuncia abogado divorcio custodia; direitos lei medida protetiva denúncia advogado divórcio guarda; haki sheria amri ya ulinzi polisi mahakama wakili talaka; अधिकार कानून सुरक्षा आदेश पुलिस अदालत वकील तलाक; Rechte Gesetz Schutzanordnung Anzeige Anwalt Scheidung Sorgerecht",
                Examples =
                [
                    "How do I get a protection order against my husband?",
                    "Ai-je le droit de porter plainte sans preuve ?",
                    "¿Puedo pedir la custodia de mis hijos si me voy de casa?",
                    "Como pedir uma medida protetiva de urgência?",
                    "Nina haki gani kisheria nikiachana na mume wangu?",
                    "घरेलू हिंसा के खिलाफ कानून में मेरे क्या अधिकार हैं?",
                    "Wie beantrage ich eine Schutzanordnung beim Gericht?",
                ],
            },
            new ScopeTopic
            {
                Name = "shelters",
                Description = "shelter safe house refuge place to stay housing emergency accommodation; foyer refuge hébergement d'urgence; refugio casa de acogida albergue alojamiento; abrigo casa-abrigo acolhimento; makazi nyumba salama mahali pa kukaa; आश्रय शेल्टर रहने की जगह; Frauenhaus Schutzunterkunft Unterkunft",
                Examples =
                [
                    "Is there a women's shelter near me where I can stay tonight?",
                    "Où trouver un hébergement d'urgence avec mes enfants ?",
                    "¿Hay una casa de acogida para mujeres en mi ciudad?",
                    "Onde encontro uma casa-abrigo para mulheres?",
                    "Kuna makazi salama ya wanawake karibu nami?",
                    "क्या महिलाओं के लिए कोई शेल्टर होम है जहाँ मैं रह सकूँ?",
                    "Gibt es ein Frauenhaus in meiner Nähe?",
                ],
            },
            new ScopeTopic
            {
                Name = "evidence",
                Description = "evidence proof photos injuries medical certificate messages record document abuse; preuves photos blessures certificat médical messages; pruebas fotos lesiones certificado médico mensajes; provas fotos lesões laudo mensagens; ushahidi picha majeraha cheti cha daktari ujumbe; सबूत फोटो चोट मेडिकल रिपोर्ट संदेश; Beweise Fotos Verletzungen Attest Nachrichten",
                Examples =
                [
                    "How should I keep evidence of the abuse safely?",
                    "Comment garder des preuves des messages de menace ?",
                    "¿Sirven las fotos de mis moretones como prueba?",
                    "Preciso de um laudo médico para provar as agressões?",
                    "Nihifadhi vipi ushahidi wa kupigwa?",
                    "चोट के सबूत कैसे रखूँ ताकि पुलिस को दिखा सकूँ?",
                    "Wie dokumentiere ich die Verletzungen als Beweis?",
                ],
            },
            new ScopeTopic
            {
                Name = "emotional_support",
                Description = "emotional support feel scared alone afraid ashamed anxious trauma talk counselling; soutien émotionnel peur seule honte angoisse; apoyo emocional miedo sola vergüenza ansiedad; apoio emocional medo sozinha vergonha ansiedade; msaada wa kihisia hofu upweke aibu; भावनात्मक सहारा डर अकेली शर्म घबराहट; emotionale Unterstützung Angst allein Scham",
                Examples =
                [
                    "I feel so alone and ashamed after what he did to me",
                    "J'ai peur tout le temps depuis qu'il m'a frappée, est-ce normal ?",
                    "Me siento culpable por lo que pasó en casa",
                    "Tenho vergonha de contar à minha família o que ele faz",
                    "Ninahisi upweke na hofu kila siku nyumbani",
                    "मुझे बहुत डर लगता है और किसी से बात करनी है",
                    "Ich schäme mich und weiß nicht, mit wem ich reden kann",
                ],
            },
        ],
        OutOfScopeExamples =
        [
            "Who won the football match yesterday?",
            "Tell me a joke",
            "Write my essay about climate change",
            "What is the best phone to buy?",
            "Donne-moi une recette de gâteau",
            "¿Cuál es la capital de Australia?",
            "Nipe mapishi ya chapati",
            "Cricket ka score kya hai?",
        ],
    };
}
