using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Validates <see cref="CtgPreprocessorOptions"/> on start, naming the option that is out of range.</summary>
internal sealed class CtgPreprocessorOptionsValidator : IValidateOptions<CtgPreprocessorOptions>
{
    public ValidateOptionsResult Validate(string? name, CtgPreprocessorOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
