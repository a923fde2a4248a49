namespace Sophia.Chatbot.Knowledge;

/// <summary>Which of Sophia's three helps an entry belongs to (Gather evidence is the evidence safe).</summary>
internal enum KnowledgeSection
{
    /// <summary>"Assess rights": the law, protection orders, reporting, migrants' and children's rights.</summary>
    Rights,

    /// <summary>"Learn options": safety planning, health care, shelters and helplines, keeping evidence.</summary>
    Options,
}
