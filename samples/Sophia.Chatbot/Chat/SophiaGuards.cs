using System.Security.Cryptography;
using Nonprofit.AI.Guards;
using Nonprofit.Privacy;
using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Chat;

/// <summary>How Sophia configures <c>UseNonprofitGuards</c>: every guard on, the crisis guard with the app's keys and no text in escalations.</summary>
internal static class SophiaGuards
{
    /// <summary>Configures the guards.</summary>
    public static void Configure(NonprofitGuardsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Audit without content: verdicts with an HMAC of the conversation id under a key that lives only in this process.
        options.Audit = new GuardAuditOptions { HashKey = RandomNumberGenerator.GetBytes(GuardAuditOptions.MinimumHashKeyLength) };
        options.RateLimit = new ConversationRateLimitOptions { ConversationPermitLimit = 20, ConversationWindow = TimeSpan.FromMinutes(1) };
        options.PiiRedaction = new PiiRedactionOptions();
        options.Crisis = new CrisisDetectionOptions { IncludeTextInEscalation = false, CountryKey = SophiaChatOptions.Country };
        options.PromptInjection = new PromptInjectionShieldOptions();
        options.ScopeOptions = SophiaScope.Options();
        options.Language = new LanguageMatchingOptions();
    }

    /// <summary>
    /// Output safety for a support service: the hate model's threshold is raised from 0.6 to 0.85 because it scored
    /// ordinary supportive replies ("Thank you for writing to me. I can tell you about your rights…") at 0.64–0.67; and
    /// the knowledge base's own names and numbers (Sophia, services, helplines) are not "other people's personal data"
    /// (the personal-data check blocked the welcome answer, which names Sophia), nor is any name or number in the vetted
    /// knowledge entries.
    /// </summary>
    public static void ConfigureOutputSafety(OutputSafetyDetectorOptions options, SophiaKnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(knowledge);
        options.HateThreshold = HateThreshold;
        var allowed = new HashSet<string>(options.AllowedPersonalData, StringComparer.Ordinal) { "Sophia", "Sophia's", "Sophia’s" };
        foreach (var service in knowledge.Services)
        {
            allowed.UnionWith(service.Name.Languages.Select(l => service.Name[l]));
            allowed.UnionWith(new[] { service.Phone, service.Sms }.OfType<string>());
        }

        // The knowledge base is the service's own vetted content: a name in it (Brazil's Maria da Penha law is named after
        // a person) is not another person's data when a reply repeats it. Without this the protection-order answer for
        // Brazil was refused in every language.
        var pii = new PiiDetector();
        foreach (var entry in knowledge.Entries)
        {
            foreach (var language in entry.Text.Languages)
            {
                var text = entry.Text[language];
                foreach (var match in pii.Detect(text))
                {
                    allowed.Add(text.Substring(match.Start, match.Length));
                }
            }
        }

        options.AllowedPersonalData = [.. allowed];
    }

    /// <summary>The hate threshold Sophia uses.</summary>
    public const double HateThreshold = 0.85;
}
