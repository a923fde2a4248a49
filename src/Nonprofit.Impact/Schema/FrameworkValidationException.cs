using System;
using System.Collections.Generic;
using System.Linq;

namespace Nonprofit.Impact;

/// <summary>An error in a results framework, at a JSON path such as <c>results[2].indicators[0].baseline.year</c>.</summary>
/// <param name="Path">The path of the value that is wrong, in the framework's JSON property names.</param>
/// <param name="Message">What is wrong and what to do.</param>
public sealed record FrameworkError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";

    /// <summary>Joins the first errors into one exception message.</summary>
    internal static string Summarize(IReadOnlyList<FrameworkError> errors, int max = 10) =>
        string.Join("; ", errors.Take(max)) + (errors.Count > max ? "; ..." : "");
}

/// <summary>Thrown when a results framework cannot be read or is invalid; <see cref="Errors"/> lists every problem found.</summary>
public sealed class FrameworkValidationException : Exception
{
    /// <summary>Initializes the exception with the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    public FrameworkValidationException(IReadOnlyList<FrameworkError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Initializes the exception.</summary>
    public FrameworkValidationException()
        : this([])
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public FrameworkValidationException(string message)
        : base(message)
    {
        Errors = [new FrameworkError("", message)];
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FrameworkValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new FrameworkError("", message)];
    }

    /// <summary>Gets the errors, each with the path of the value that is wrong.</summary>
    public IReadOnlyList<FrameworkError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<FrameworkError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The results framework is invalid."
            : $"The results framework has {errors.Count} error(s): " + FrameworkError.Summarize(errors);
    }
}
