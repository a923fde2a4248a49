namespace Nonprofit.AI.Guards;

/// <summary>What a guard decided about a request or a reply.</summary>
public enum GuardAction
{
    /// <summary>The guard let the message through unchanged.</summary>
    Allow = 0,

    /// <summary>The guard changed the message (for example, pseudonymised personal data) and let it through.</summary>
    Modify = 1,

    /// <summary>The guard stopped the message; the inner client was not called, or its reply was replaced.</summary>
    Block = 2,

    /// <summary>The guard handed the conversation to a human or an emergency path.</summary>
    Escalate = 3,
}
