using Microsoft.Extensions.AI;

namespace ChatbotBackend.Chat;

/// <summary>The advisor used for the SMS channel: its client redacts personal data before the model sees it.</summary>
public sealed class RedactedAdvisor
{
    private readonly IChatClient _inner;

    public RedactedAdvisor(IChatClient inner) => _inner = inner;

    public async Task<string> AdviseAsync(Caller caller, string question)
    {
        var client = new ChatClientBuilder(_inner).UsePiiRedaction().Build();
        var response = await client.GetResponseAsync($"{caller.FullName} asks: {question}");
        return response.Text;
    }
}
