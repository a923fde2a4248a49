using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Sophia.Chatbot.Chat;

/// <summary>
/// Chooses the model behind the guards: the offline responder by default; a real model through Microsoft.Extensions.AI's
/// OpenAI client when <c>NONPROFIT_CHAT_ENDPOINT</c> (an OpenAI-compatible base URL such as Ollama's
/// <c>http://localhost:11434/v1</c>) and <c>NONPROFIT_CHAT_MODEL</c> are both set (<c>NONPROFIT_CHAT_API_KEY</c> optional).
/// </summary>
internal sealed record SophiaModel(Uri? Endpoint, string? Model, string? ApiKey)
{
    /// <summary>The environment variable (or configuration key) of the endpoint.</summary>
    public const string EndpointVariable = "NONPROFIT_CHAT_ENDPOINT";

    /// <summary>The environment variable (or configuration key) of the model name.</summary>
    public const string ModelVariable = "NONPROFIT_CHAT_MODEL";

    /// <summary>The environment variable (or configuration key) of the API key, if the endpoint needs one.</summary>
    public const string ApiKeyVariable = "NONPROFIT_CHAT_API_KEY";

    /// <summary>Gets a value indicating whether the offline responder answers (no real model configured).</summary>
    public bool IsOffline => Endpoint is null || string.IsNullOrWhiteSpace(Model);

    /// <summary>Reads the settings from configuration (environment variables are part of it).</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not an absolute http(s) URL.</exception>
    public static SophiaModel FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = configuration[EndpointVariable];
        var model = configuration[ModelVariable];
        if (string.IsNullOrWhiteSpace(endpoint) || string.IsNullOrWhiteSpace(model))
        {
            return new SophiaModel(null, null, null);
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(EndpointVariable + " must be an absolute http or https URL, e.g. http://localhost:11434/v1.");
        }

        return new SophiaModel(uri, model, configuration[ApiKeyVariable]);
    }

    /// <summary>The real model's client (only when not <see cref="IsOffline"/>), behind <see cref="ModelBoundaryChatClient"/>.</summary>
    public IChatClient CreateRemote()
    {
        var options = new OpenAIClientOptions { Endpoint = Endpoint };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(ApiKey) ? "unused" : ApiKey);
        return new ModelBoundaryChatClient(new OpenAIClient(key, options).GetChatClient(Model).AsIChatClient());
    }

    /// <summary>A description for the start-up line (never the key).</summary>
    public override string ToString() => IsOffline ? "offline assistant" : $"model {Model} at {Endpoint}";
}
