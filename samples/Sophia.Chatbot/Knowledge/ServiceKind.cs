namespace Sophia.Chatbot.Knowledge;

/// <summary>What a service in the directory is.</summary>
internal enum ServiceKind
{
    /// <summary>A national emergency number (police, ambulance).</summary>
    Emergency,

    /// <summary>A telephone or online helpline.</summary>
    Helpline,

    /// <summary>A shelter or refuge network.</summary>
    Shelter,

    /// <summary>Legal advice or aid.</summary>
    Legal,

    /// <summary>Counselling or emotional support (including suicide prevention lines).</summary>
    Counselling,
}
