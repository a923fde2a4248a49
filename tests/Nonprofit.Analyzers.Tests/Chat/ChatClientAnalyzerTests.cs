using Nonprofit.Analyzers.Chat;

namespace Nonprofit.Analyzers.Tests.Chat;

public sealed class ChatClientAnalyzerTests
{
    [Fact]
    public Task PersonalDataInPrompt_NoRedaction_Reports() => Verify<ChatClientAnalyzer>.AnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        class Advisor
        {
            private readonly IChatClient _chat = null!;
            async Task Ask(string fullName, string question, string dateOfBirth)
            {
                var prompt = $"The caller {fullName} asks: {question}";
                await _chat.GetResponseAsync({|NP1003:prompt|});
                var messages = new[] { new ChatMessage(ChatRole.User, "Born " + {|NP1003:dateOfBirth|}) };
                await _chat.GetResponseAsync(messages);
                await _chat.GetResponseAsync(question);
            }
        }
        """, null, Stubs.Chat);

    [Fact]
    public Task ClientBuiltWithUsePiiRedaction_InSameMethod_DoesNotReport() => Verify<ChatClientAnalyzer>.AnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        class Advisor
        {
            async Task Ask(IChatClient inner, string fullName)
            {
                var chat = new ChatClientBuilder(inner).UsePiiRedaction().Build();
                await chat.GetResponseAsync($"The caller {fullName} asks for help");
            }
        }
        """, null, Stubs.Chat);

    [Fact]
    public Task ClientRegisteredWithUsePiiRedaction_DoesNotReport()
    {
        var test = new Microsoft.CodeAnalysis.CSharp.Testing.CSharpAnalyzerTest<ChatClientAnalyzer, Microsoft.CodeAnalysis.Testing.DefaultVerifier>
        {
            ReferenceAssemblies = Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80,
        };
        test.TestState.Sources.Add(Stubs.Chat);
        test.TestState.Sources.Add("""
            using Microsoft.Extensions.AI;
            static class Registration
            {
                // services.AddChatClient(...) in a real app
                public static IChatClient AddChatClient(IChatClient inner) => new ChatClientBuilder(inner).UsePiiRedaction().Build();
            }
            """);
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            class Advisor
            {
                private readonly IChatClient _chat = null!;
                Task Ask(string email) => _chat.GetResponseAsync("Write to " + email);
            }
            """);
        return test.RunAsync();
    }

    [Fact]
    public Task NoChatTypes_DoesNotReport() => Verify<ChatClientAnalyzer>.AnalyzerAsync("""
        class Other
        {
            void GetResponseAsync(string email) { }
            void Call(string email) => GetResponseAsync(email);
        }
        """);
}
