using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nonprofit.AI.Guards;

namespace Sophia.Chatbot.Chat;

/// <summary>Where the web app meets the content (knowledge base, helpline directory, offline responder).</summary>
internal static class SophiaContent
{
    /// <summary>The service key under which a test may register its own offline model.</summary>
    public const string OfflineModelKey = "sophia.offline";

    /// <summary>Registers the content's services.</summary>
    public static void Add(IServiceCollection services) =>
        services.TryAddSingleton<IHelplineDirectory>(new InMemoryHelplineDirectory());

    /// <summary>The offline responder (a keyed <see cref="IChatClient"/> registered by a test replaces it).</summary>
    public static IChatClient OfflineResponder(IServiceProvider services) =>
        services.GetKeyedService<IChatClient>(OfflineModelKey)
        ?? throw new InvalidOperationException("The offline responder is not available yet.");

    /// <summary>The countries of the picker (ISO 3166-1 alpha-2).</summary>
    public static IReadOnlyList<string> Countries() => ["GB", "FR", "ES", "KE", "IN", "BR"];
}
