namespace Nonprofit.AI.Guards;

/// <summary>Where a text checked for prompt injection comes from; it decides the category and the rules that apply.</summary>
public enum PromptInjectionSource
{
    /// <summary>A user message: an injection here is <see cref="GuardCategories.InjectionDirect"/>.</summary>
    User = 0,

    /// <summary>
    /// A tool or function result (<c>FunctionResultContent</c>, or a message with role <c>Tool</c>): an injection here is
    /// <see cref="GuardCategories.InjectionIndirect"/>.
    /// </summary>
    ToolResult = 1,

    /// <summary>
    /// A document the app retrieved and passed to the model (a message or content marked with
    /// <see cref="PromptInjectionShieldOptions.SourceKey"/> = <see cref="PromptInjectionShieldOptions.RetrievedSource"/>):
    /// an injection here is <see cref="GuardCategories.InjectionIndirect"/>.
    /// </summary>
    RetrievedDocument = 2,
}
