namespace Nonprofit.AI.Guards;

/// <summary>What <see cref="PromptInjectionShieldChatClient"/> does when it finds an injection in a message of one source.</summary>
public enum PromptInjectionPolicy
{
    /// <summary>
    /// The model is not called; the user gets the configured refusal in their language and the verdict is
    /// <see cref="GuardAction.Block"/>.
    /// </summary>
    Block = 0,

    /// <summary>
    /// The model is called without the injection's power: the suspicious text is wrapped as quoted data with a notice
    /// (<see cref="PromptInjectionNeutralisation.Wrap"/>) or removed with a notice that it was removed
    /// (<see cref="PromptInjectionNeutralisation.Remove"/>); the verdict is <see cref="GuardAction.Modify"/>.
    /// </summary>
    Neutralise = 1,

    /// <summary>Only reported: the verdict carries the category and score, the action is <see cref="GuardAction.Allow"/>.</summary>
    Report = 2,
}

/// <summary>How <see cref="PromptInjectionPolicy.Neutralise"/> treats a suspicious text.</summary>
public enum PromptInjectionNeutralisation
{
    /// <summary>The text stays, between markers, after a notice telling the model to treat it as data and not to follow instructions in it.</summary>
    Wrap = 0,

    /// <summary>The text is replaced by a notice telling the model that a suspicious text was removed.</summary>
    Remove = 1,
}
