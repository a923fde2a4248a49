using System.Globalization;
using System.Text;
using FarmerChat.Advisory.Retrieval;
using Microsoft.Extensions.AI;

namespace FarmerChat.Advisory.Chat;

/// <summary>
/// In front of a real model: gives it the retrieved passages as numbered context with the instruction to answer only
/// from them, in the farmer's language, citing them; when nothing relevant was retrieved the model is not called and
/// the farmer is told to ask an extension officer.
/// </summary>
internal sealed class GroundedModelChatClient(IChatClient model) : DelegatingChatClient(model)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var passages = AdvisoryContext.Passages(options);
        return passages.Count == 0
            ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Phrases.Decline(AdvisoryContext.Language(options)))) { FinishReason = ChatFinishReason.Stop })
            : base.GetResponseAsync(WithContext(messages, passages, AdvisoryContext.Language(options)), options, cancellationToken);
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var passages = AdvisoryContext.Passages(options);
        return passages.Count == 0
            ? Decline(AdvisoryContext.Language(options))
            : base.GetStreamingResponseAsync(WithContext(messages, passages, AdvisoryContext.Language(options)), options, cancellationToken);
    }

    /// <summary>The system message: instructions, then the passages numbered as they will be cited.</summary>
    internal static string Instructions(IReadOnlyList<KnowledgeDocument> passages, string language)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"You advise smallholder farmers. Answer in {Languages.EnglishName(language)}, briefly and practically, ");
        text.Append("using ONLY the numbered passages below. Cite the passages you use as [1], [2] and end with their titles and sources. ");
        text.Append("Never give pesticide or medicine amounts that a passage does not state. If the passages do not answer the question, ");
        text.Append("say you do not know and advise asking the local extension officer.\n");
        for (var i = 0; i < passages.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{i + 1}] {AdvisoryContext.SourceText(passages[i])}\n");
        }

        return text.ToString();
    }

    private static List<ChatMessage> WithContext(IEnumerable<ChatMessage> messages, IReadOnlyList<KnowledgeDocument> passages, string language) =>
        [new ChatMessage(ChatRole.System, Instructions(passages, language)), .. messages];

    private static async IAsyncEnumerable<ChatResponseUpdate> Decline(string language)
    {
        await Task.CompletedTask;
        yield return new ChatResponseUpdate(ChatRole.Assistant, Phrases.Decline(language)) { FinishReason = ChatFinishReason.Stop };
    }
}
