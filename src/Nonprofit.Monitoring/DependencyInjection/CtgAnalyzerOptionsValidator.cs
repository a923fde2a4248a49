using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Validates <see cref="CtgAnalyzerOptions"/> on start, naming the option that is out of range.</summary>
internal sealed class CtgAnalyzerOptionsValidator : IValidateOptions<CtgAnalyzerOptions>
{
    public ValidateOptionsResult Validate(string? name, CtgAnalyzerOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
