namespace Nonprofit.Evaluation.Guards;

/// <summary>
/// One case for the hate model: text, gold label, language, the MHC functionality (or our own kind), target, and the
/// template it was made from (<c>OutputHateData.LoadMhc</c> says how that is recovered).
/// </summary>
internal sealed record HateCase(string Id, string Language, string Functionality, string Text, bool Hateful, string Target, string Template);
