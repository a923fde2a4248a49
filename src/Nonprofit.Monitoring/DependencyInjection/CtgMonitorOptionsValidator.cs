using Microsoft.Extensions.Options;

namespace Nonprofit.Monitoring;

/// <summary>Validates <see cref="CtgMonitorOptions"/> on start, naming the option that is out of range.</summary>
internal sealed class CtgMonitorOptionsValidator : IValidateOptions<CtgMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, CtgMonitorOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
