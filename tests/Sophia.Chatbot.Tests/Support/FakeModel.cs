using Nonprofit.Tests.Shared;

namespace Sophia.Chatbot.Tests.Support;

/// <summary>The fake OpenAI-compatible model the real-model tests talk to, and what it answers.</summary>
internal static class FakeModel
{
    /// <summary>The fake model's reply.</summary>
    public const string Reply = "Thank you for telling me. You can ask a court for a protection order, and a legal aid service can help you.";

    /// <summary>Starts a fake server on a free loopback port answering <see cref="Reply"/>.</summary>
    public static FakeOpenAiServer Start() => new(Reply);
}
