namespace Sophia.Chatbot.Knowledge;

/// <summary>
/// The knowledge base's content is invalid. The message names the file, the entry id and the field, never a text.
/// </summary>
internal sealed class KnowledgeValidationException : Exception
{
    public KnowledgeValidationException()
    {
    }

    public KnowledgeValidationException(string message)
        : base(message)
    {
    }

    public KnowledgeValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one entry's field.</summary>
    public static KnowledgeValidationException For(string file, string? entryId, string field, string problem) =>
        new($"Knowledge file '{file}', entry '{entryId ?? "(no id)"}', field '{field}': {problem}");
}
