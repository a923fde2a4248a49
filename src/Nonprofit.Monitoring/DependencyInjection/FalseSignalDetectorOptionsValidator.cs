using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Validates <see cref="FalseSignalDetectorOptions"/> on start, naming the option that is out of range.</summary>
internal sealed class FalseSignalDetectorOptionsValidator : IValidateOptions<FalseSignalDetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, FalseSignalDetectorOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
