using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nonprofit.AI.Guards;
using Sophia.Chatbot.Knowledge;
using Sophia.Chatbot.Responder;

namespace Sophia.Chatbot.Chat;

/// <summary>Where the web app meets the content: the knowledge base, its helpline directory and the offline responder.</summary>
internal static class SophiaContent
{
    /// <summary>The service key under which a test may register its own offline model.</summary>
    public const string OfflineModelKey = "sophia.offline";

    /// <summary>Registers the knowledge base and the helpline directory over it (the crisis guard's <see cref="IHelplineDirectory"/>).</summary>
    public static void Add(IServiceCollection services)
    {
        services.TryAddSingleton(_ => SophiaKnowledgeBase.LoadDefault());
        services.TryAddSingleton<IHelplineDirectory>(sp => new KnowledgeHelplineDirectory(sp.GetRequiredService<SophiaKnowledgeBase>()));
    }

    /// <summary>The offline responder over the knowledge base (a keyed <see cref="IChatClient"/> registered by a test replaces it).</summary>
    public static IChatClient OfflineResponder(IServiceProvider services) =>
        services.GetKeyedService<IChatClient>(OfflineModelKey)
        ?? new OfflineResponder(services.GetRequiredService<SophiaKnowledgeBase>(), services.GetService<ILanguageIdentifier>());

    /// <summary>The countries of the picker (ISO 3166-1 alpha-2), those the knowledge base covers.</summary>
    public static IReadOnlyList<string> Countries(SophiaKnowledgeBase knowledge) =>
        [.. knowledge.Countries.Keys.Where(k => k != SophiaKnowledgeBase.DefaultCountry).Order(StringComparer.Ordinal)];
}
