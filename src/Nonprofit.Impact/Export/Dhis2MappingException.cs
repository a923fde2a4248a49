using System;
using System.Collections.Generic;

namespace Nonprofit.Impact.Export;

/// <summary>
/// Thrown by <see cref="Dhis2Exporter"/> before anything is written when the mapping does not cover the framework:
/// an unmapped indicator, location or disaggregation, a period with no DHIS2 equivalent, or two values DHIS2 would
/// store in the same place. <see cref="Errors"/> lists every problem with its path; messages name indicator ids and
/// mapping keys, never values.
/// </summary>
public sealed class Dhis2MappingException : Exception
{
    /// <summary>Initializes the exception with the problems found.</summary>
    /// <param name="errors">The problems; at least one.</param>
    public Dhis2MappingException(IReadOnlyList<FrameworkError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Initializes the exception.</summary>
    public Dhis2MappingException()
        : this([])
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public Dhis2MappingException(string message)
        : base(message)
    {
        Errors = [new FrameworkError("", message)];
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public Dhis2MappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new FrameworkError("", message)];
    }

    /// <summary>Gets the problems, each with the path of the indicator, period or value concerned.</summary>
    public IReadOnlyList<FrameworkError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<FrameworkError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The DHIS2 mapping does not cover the framework."
            : $"The DHIS2 mapping does not cover the framework: {errors.Count} problem(s): " + FrameworkError.Summarize(errors);
    }
}
