namespace Sophia.Chatbot.Evidence;

/// <summary>What an evidence item is.</summary>
internal enum EvidenceKind
{
    /// <summary>A text note (stored as UTF-8).</summary>
    Note,

    /// <summary>A file (photo, screenshot, recording, document).</summary>
    File,
}

/// <summary>One item of an evidence safe, without its content.</summary>
/// <param name="Id">The item's id in the safe: its sequence number, four digits (<c>0001</c>…).</param>
/// <param name="Kind">Note or file.</param>
/// <param name="FileName">The file's name as given (files only; kept encrypted in the safe).</param>
/// <param name="MediaType">The file's media type when given, for example <c>image/jpeg</c>.</param>
/// <param name="CreatedUtc">When the item was added (UTC, from the safe's <see cref="TimeProvider"/>).</param>
/// <param name="Sha256">The SHA-256 of the content, lower-case hex.</param>
/// <param name="Size">The content's size in bytes.</param>
internal sealed record EvidenceItem(
    string Id, EvidenceKind Kind, string? FileName, string? MediaType, DateTimeOffset CreatedUtc, string Sha256, long Size);
