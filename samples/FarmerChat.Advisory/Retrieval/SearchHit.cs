namespace FarmerChat.Advisory.Retrieval;

/// <summary>A retrieved document with its Lucene score and the share of the question's words it contains.</summary>
/// <param name="Document">The document, in the language searched.</param>
/// <param name="Score">Lucene's score for the question.</param>
/// <param name="Coverage">The share (0..1) of the question's analysed words found in the document.</param>
internal sealed record SearchHit(KnowledgeDocument Document, float Score, double Coverage);
