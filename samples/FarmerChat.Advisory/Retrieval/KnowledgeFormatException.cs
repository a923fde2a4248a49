namespace FarmerChat.Advisory.Retrieval;

/// <summary>A knowledge file that does not follow the format; the message names the file and the line, never the content.</summary>
internal sealed class KnowledgeFormatException : FormatException
{
    public KnowledgeFormatException(string file, int line, string problem)
        : base($"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public KnowledgeFormatException()
    {
        File = "";
    }

    public KnowledgeFormatException(string message)
        : base(message)
    {
        File = "";
    }

    public KnowledgeFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
    }

    /// <summary>Gets the file (relative to the knowledge folder).</summary>
    public string File { get; }

    /// <summary>Gets the 1-based line.</summary>
    public int Line { get; }
}
