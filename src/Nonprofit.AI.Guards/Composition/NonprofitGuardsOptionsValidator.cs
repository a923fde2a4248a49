using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Nonprofit.AI.Guards;

/// <summary>Validates <see cref="NonprofitGuardsOptions"/> (through DI on start, and in <c>UseNonprofitGuards</c>).</summary>
internal sealed class NonprofitGuardsOptionsValidator : IValidateOptions<NonprofitGuardsOptions>
{
    public ValidateOptionsResult Validate(string? name, NonprofitGuardsOptions options)
    {
        var errors = Errors(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static List<string> Errors(NonprofitGuardsOptions options)
    {
        var errors = new List<string>();
        if (options.Audit is { } audit && audit.HashKey is not { Length: >= GuardAuditOptions.MinimumHashKeyLength })
        {
            errors.Add("NonprofitGuardsOptions.Audit.HashKey must be set and have at least 32 bytes.");
        }

        if (options.RateLimit?.Validate() is { } rateLimit)
        {
            errors.Add(rateLimit);
        }

        if (options.Language?.Validate() is { } language)
        {
            errors.Add(language);
        }

        if (options.ScopeOptions?.Validate() is { } scope)
        {
            errors.Add(scope);
        }

        if (options.Crisis?.Validate() is { } crisis)
        {
            errors.Add(crisis);
        }

        if (options.PromptInjection?.Validate() is { } injection)
        {
            errors.Add(injection);
        }

        return errors;
    }
}
