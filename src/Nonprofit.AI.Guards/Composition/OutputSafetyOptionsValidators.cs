using Microsoft.Extensions.Options;

namespace Nonprofit.AI.Guards;

/// <summary>
/// Validates <see cref="OutputSafetyOptions"/> through DI on start (<c>AddNonprofitGuards</c>), with the checks the guard's
/// constructor makes, so that a bad value fails the host's start rather than its first request.
/// </summary>
internal sealed class OutputSafetyOptionsValidator : IValidateOptions<OutputSafetyOptions>
{
    public ValidateOptionsResult Validate(string? name, OutputSafetyOptions options) =>
        options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}

/// <summary>Validates <see cref="OutputSafetyDetectorOptions"/> through DI on start, as <see cref="OutputSafetyDetector"/>'s constructor does.</summary>
internal sealed class OutputSafetyDetectorOptionsValidator : IValidateOptions<OutputSafetyDetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, OutputSafetyDetectorOptions options) =>
        options.Validate() is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;
}
