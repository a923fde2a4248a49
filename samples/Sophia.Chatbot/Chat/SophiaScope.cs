using Nonprofit.AI.Guards;

namespace Sophia.Chatbot.Chat;

/// <summary>The topics Sophia answers (the scope guard refuses the rest politely), with examples in its six languages.</summary>
internal static class SophiaScope
{
    /// <summary>The scope options: domestic-violence support, rights, services and evidence.</summary>
    public static ScopeOptions Options() => new()
    {
        Topics =
        [
            Topic("safety", "Safety, abuse and violence at home by a partner, husband, wife, ex or family member; fear; safety plans; leaving",
                "My partner hits me", "I am afraid of my husband", "How can I make a safety plan?", "My ex threatens me",
                "Mon mari me frappe", "J'ai peur de mon conjoint", "Comment préparer un plan de sécurité ?",
                "Mi pareja me pega", "Tengo miedo de mi marido", "¿Cómo hago un plan de seguridad?",
                "Meu marido me bate", "Tenho medo do meu companheiro", "Como faço um plano de segurança?",
                "Mume wangu ananipiga", "Naogopa mpenzi wangu", "Nitapangaje mpango wa usalama?",
                "मेरा पति मुझे मारता है", "मुझे अपने पति से डर लगता है", "सुरक्षा योजना कैसे बनाऊं?"),
            Topic("rights", "Rights, law, protection orders, restraining orders, police, court, lawyer, divorce, custody of children, migrants' rights",
                "How do I get a protection order?", "Can I report him to the police?", "What are my rights?", "Do I need a lawyer?",
                "Comment obtenir une ordonnance de protection ?", "Puis-je porter plainte à la police ?", "Quels sont mes droits ?",
                "¿Cómo consigo una orden de protección?", "¿Puedo denunciarlo a la policía?", "¿Cuáles son mis derechos?",
                "Como consigo uma medida protetiva?", "Posso denunciar à polícia?", "Quais são os meus direitos?",
                "Nitapataje amri ya ulinzi?", "Naweza kuripoti polisi?", "Haki zangu ni zipi?",
                "सुरक्षा आदेश कैसे मिलता है?", "क्या मैं पुलिस में शिकायत कर सकती हूं?", "मेरे अधिकार क्या हैं?"),
            Topic("services", "Helplines, shelters, refuges, counselling, health care after violence, where to get help, someone to talk to",
                "Is there a shelter near me?", "Who can I call for help?", "I need to talk to someone", "Where can I see a doctor after violence?",
                "Y a-t-il un foyer d'hébergement ?", "Qui puis-je appeler pour de l'aide ?", "J'ai besoin de parler à quelqu'un",
                "¿Hay una casa de acogida cerca?", "¿A quién puedo llamar para pedir ayuda?", "Necesito hablar con alguien",
                "Existe um abrigo perto de mim?", "Para quem posso ligar para pedir ajuda?", "Preciso falar com alguém",
                "Kuna makazi ya dharura karibu?", "Nimpigie nani simu kupata msaada?", "Nahitaji kuongea na mtu",
                "क्या पास में कोई आश्रय है?", "मदद के लिए किसे फोन करूं?", "मुझे किसी से बात करनी है"),
            Topic("evidence", "Keeping evidence of abuse: photos, messages, notes, dates, medical reports, an encrypted evidence safe for a lawyer",
                "How do I keep evidence?", "Should I save his messages?", "How do I store photos of my injuries safely?",
                "Comment garder des preuves ?", "Dois-je garder ses messages ?",
                "¿Cómo guardo pruebas?", "¿Debo guardar sus mensajes?",
                "Como guardo provas?", "Devo guardar as mensagens dele?",
                "Nitahifadhije ushahidi?", "Nihifadhi jumbe zake?",
                "सबूत कैसे रखूं?", "क्या मुझे उसके संदेश सहेजने चाहिए?"),
        ],
        OutOfScopeExamples =
        [
            "What is the best pizza recipe?", "Who won the football match?", "Write me a poem about cars",
            "Quelle est la météo demain ?", "¿Cuál es la capital de Francia?", "Qual é o preço do milho?",
        ],
        Threshold = -0.5,
    };

    private static ScopeTopic Topic(string name, string description, params string[] examples)
    {
        var topic = new ScopeTopic { Name = name, Description = description };
        foreach (var example in examples)
        {
            topic.Examples.Add(example);
        }

        return topic;
    }
}
