using Microsoft.Extensions.AI;

namespace Nonprofit.AI.Guards.Tests.Language;

/// <summary>Session 26, review findings 2 and 14: language-matching texts that passed validation and then failed.</summary>
public sealed class LanguageMatchingOptionFormatTests
{
    [Theory]
    [InlineData("Reply in the user's language ({language}).")]
    [InlineData("Reply in language {1}.")]
    [InlineData("Reply as JSON: {\"lang\": \"{0}\"}")]
    public void Validate_FallbackInstructionThatIsNotAFormat_IsRejected(string instruction)
    {
        var error = Assert.Throws<ArgumentException>(() => new LanguageMatchingChatClient(
            new RecordingChatClient(), options: new LanguageMatchingOptions { FallbackInstruction = instruction }));
        Assert.Contains("FallbackInstruction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FallbackInstruction_WithEscapedBraces_IsSentForALanguageWithoutAnEntry()
    {
        var options = new LanguageMatchingOptions { FallbackInstruction = "Reply in {{language}} {0}." };
        options.Instructions.Remove("fr");
        var inner = new OptionsRecorder();
        using var client = new LanguageMatchingChatClient(inner, options: options);

        await client.GetResponseAsync("Bonjour, je voudrais savoir quand planter les haricots dans mon jardin cette année.");

        Assert.Equal("Reply in {language} fr.", inner.Instructions);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_EmptyMismatchMessage_IsRejected(string? message)
    {
        var options = new LanguageMatchingOptions();
        options.MismatchMessages["fr"] = message!;

        var error = Assert.Throws<ArgumentException>(() => new LanguageMatchingChatClient(new RecordingChatClient(), options: options));
        Assert.Contains("MismatchMessages", error.Message, StringComparison.Ordinal);
    }

    private sealed class OptionsRecorder : IChatClient
    {
        public string? Instructions { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Instructions = options?.Instructions;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "Semez-les en mai.")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
