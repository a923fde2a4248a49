using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Nonprofit.Privacy;

/// <summary>Validates <see cref="PiiDetectorOptions"/> beyond their data annotations.</summary>
internal static class PiiDetectorOptionsValidation
{
    public static IEnumerable<string> Errors(PiiDetectorOptions options)
    {
        if (options.DefaultThreshold is < 0 or > 1 || double.IsNaN(options.DefaultThreshold))
        {
            yield return $"{nameof(PiiDetectorOptions.DefaultThreshold)} must be between 0 and 1.";
        }

        if (options.ContextWindow is < 0 or > 512)
        {
            yield return $"{nameof(PiiDetectorOptions.ContextWindow)} must be between 0 and 512.";
        }

        if (options.ContextBoost is < 0 or > 1 || double.IsNaN(options.ContextBoost))
        {
            yield return $"{nameof(PiiDetectorOptions.ContextBoost)} must be between 0 and 1.";
        }

        foreach (var (type, threshold) in options.Thresholds)
        {
            if (threshold is < 0 or > 1 || double.IsNaN(threshold))
            {
                yield return $"{nameof(PiiDetectorOptions.Thresholds)}[{type}] must be between 0 and 1.";
            }
        }

        if (options.DefaultRegions.Count == 0)
        {
            yield return $"{nameof(PiiDetectorOptions.DefaultRegions)} must name at least one region.";
        }

        var supported = PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions();
        foreach (var region in options.DefaultRegions)
        {
            if (!supported.Contains(region))
            {
                yield return $"{nameof(PiiDetectorOptions.DefaultRegions)} has '{region}', which is not an ISO 3166-1 alpha-2 region with a phone numbering plan (use upper case, for example KE).";
            }
        }

        foreach (var name in options.DenyList.Values)
        {
            if (!IsValidTypeName(name))
            {
                yield return $"{nameof(PiiDetectorOptions.DenyList)} maps a value to '{name}', which is not an entity type name (upper-case letters, digits, underscores).";
            }
        }

        foreach (var value in options.DenyList.Keys)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{nameof(PiiDetectorOptions.DenyList)} has an empty value.";
            }
            else if (HasOuterWhiteSpace(value))
            {
                // The entry itself is never quoted: it is personal data.
                yield return $"{nameof(PiiDetectorOptions.DenyList)} has an entry that starts or ends with white space, which would almost never match; trim it.";
            }
        }

        foreach (var value in options.AllowList)
        {
            if (value is not null && value.Length > 0 && HasOuterWhiteSpace(value))
            {
                yield return $"{nameof(PiiDetectorOptions.AllowList)} has an entry that starts or ends with white space, which would never match; trim it.";
            }
        }
    }

    public static void ThrowIfInvalid(PiiDetectorOptions options)
    {
        var errors = new List<string>(Errors(options));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid PiiDetectorOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    private static bool HasOuterWhiteSpace(string value) => char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);

    private static bool IsValidTypeName(string name)
    {
        try
        {
            _ = new PiiEntityType(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>Validates <see cref="PiiDetectorOptions"/> when the options are first used or at start-up.</summary>
internal sealed class PiiDetectorOptionsValidator : IValidateOptions<PiiDetectorOptions>
{
    public ValidateOptionsResult Validate(string? name, PiiDetectorOptions options)
    {
        var errors = new List<string>(PiiDetectorOptionsValidation.Errors(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
