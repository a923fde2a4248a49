using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace ChatbotBackend.Chat;

public sealed class ConversationService
{
    private readonly IChatClient _chat;
    private readonly ILogger<ConversationService> _logger;
    private readonly CallerDirectory _callers;

    public ConversationService(IChatClient chat, ILogger<ConversationService> logger, CallerDirectory callers)
    {
        _chat = chat;
        _logger = logger;
        _callers = callers;
    }

    public ConversationSummary Summary(Guid conversationId) => new(conversationId, 0, "en");

    public async Task<string> AskAsync(AskRequest request)
    {
        var caller = _callers.Get(request.CallerId);
        Log.ConversationStarted(_logger, request.CallerId, 1);

        var prompt = $"You are talking to {caller.FullName}, born {caller.DateOfBirth}. Answer: {request.Question}";
        var answer = await _chat.GetResponseAsync(prompt); // LEAK: NP1003

        var plain = await _chat.GetResponseAsync(request.Question);
        Debug.WriteLine($"Answered caller {caller.Id} in {caller.PreferredLanguage}");
        return answer.Text + plain.Text;
    }

    public async Task EscalateAsync(Caller caller, string transcript)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, "Summarise the conversation for the duty counsellor."),
            new ChatMessage(ChatRole.User, "Caller e-mail: " + caller.Email), // LEAK: NP1003
            new ChatMessage(ChatRole.User, transcript),
        };
        await _chat.GetResponseAsync(messages);
        Log.Escalated(_logger, caller.Email);
        Log.HungUp(_logger, caller.Id.ToString());
    }
}

public sealed class CallerDirectory
{
    private readonly Dictionary<Guid, Caller> _callers = new();

    public Caller Get(Guid id) => _callers[id];

    public Caller? Find(string phoneNumber)
    {
        Debug.WriteLine("Lookup for " + phoneNumber); // LEAK: NP1001
        return null;
    }
}

/// <summary>A chat client for the offline demo: echoes the last message.</summary>
public sealed class EchoChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, messages.Last().Text)));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
