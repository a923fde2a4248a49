using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Validates <see cref="DopplerHeartRateOptions"/> on start, naming the option that is out of range.</summary>
internal sealed class DopplerHeartRateOptionsValidator : IValidateOptions<DopplerHeartRateOptions>
{
    public ValidateOptionsResult Validate(string? name, DopplerHeartRateOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
