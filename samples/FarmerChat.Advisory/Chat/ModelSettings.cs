using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// Which model answers: <see cref="OfflineAdvisoryChatClient"/> unless <c>NONPROFIT_CHAT_ENDPOINT</c> (an
/// OpenAI-compatible base URL, e.g. <c>http://localhost:11434/v1</c>) and <c>NONPROFIT_CHAT_MODEL</c> are set
/// (<c>NONPROFIT_CHAT_API_KEY</c> when the endpoint needs one).
/// </summary>
internal sealed record ModelSettings(Uri? Endpoint, string? Model, string? ApiKey)
{
    public const string EndpointVariable = "NONPROFIT_CHAT_ENDPOINT";
    public const string ModelVariable = "NONPROFIT_CHAT_MODEL";
    public const string ApiKeyVariable = "NONPROFIT_CHAT_API_KEY";

    public static ModelSettings Offline { get; } = new(null, null, null);

    public bool IsOffline => Endpoint is null || string.IsNullOrWhiteSpace(Model);

    /// <summary>Reads the three variables through <paramref name="read"/> (the environment by default).</summary>
    /// <exception cref="ArgumentException">The endpoint is set but is not an absolute http(s) URL.</exception>
    public static ModelSettings FromEnvironment(Func<string, string?>? read = null)
    {
        read ??= Environment.GetEnvironmentVariable;
        var endpoint = read(EndpointVariable);
        var model = read(ModelVariable);
        if (string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(model))
        {
            return Offline;
        }

        return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new ModelSettings(uri, model, read(ApiKeyVariable))
            : throw new ArgumentException($"{EndpointVariable} must be an absolute http(s) URL such as http://localhost:11434/v1.", nameof(read));
    }

    /// <summary>The client that answers: the offline responder, or the configured model behind <see cref="GroundedModelChatClient"/>.</summary>
    public IChatClient CreateClient()
    {
        if (IsOffline)
        {
            return new OfflineAdvisoryChatClient();
        }

        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(ApiKey) ? "not-needed" : ApiKey), new OpenAIClientOptions { Endpoint = Endpoint });
        return new GroundedModelChatClient(client.GetChatClient(Model).AsIChatClient());
    }

    /// <summary>For the start-up line; never the key.</summary>
    public override string ToString() => IsOffline ? "offline extractive responder" : $"model {Model} at {Endpoint}";
}
