using System;
using System.Globalization;

namespace Nonprofit.Impact.Iati;

/// <summary>
/// Thrown by <see cref="IatiImporter"/> when a file is not well-formed XML or its IATI results cannot be read
/// into a <see cref="ResultsFramework"/>. The message names the element or attribute and the line, never a value
/// from the file (values may be personal).
/// </summary>
public sealed class IatiFormatException : FormatException
{
    /// <summary>Initializes the exception.</summary>
    public IatiFormatException()
        : base("The IATI file cannot be read.")
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public IatiFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IatiFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception with a message and the position it applies to.</summary>
    /// <param name="message">What is wrong, without the position; the position is appended.</param>
    /// <param name="lineNumber">The 1-based line, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position in the line, or 0 when unknown.</param>
    public IatiFormatException(string message, int lineNumber, int linePosition)
        : base(FormatMessage(message, lineNumber, linePosition))
    {
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>Gets the 1-based line where the problem is, or 0 when it is not tied to a line.</summary>
    public int LineNumber { get; }

    /// <summary>Gets the 1-based position in <see cref="LineNumber"/>, or 0 when unknown.</summary>
    public int LinePosition { get; }

    private static string FormatMessage(string message, int lineNumber, int linePosition)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (lineNumber <= 0)
        {
            return message;
        }

        var where = linePosition > 0
            ? string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, position {linePosition}")
            : string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}");
        return $"{message.TrimEnd('.')} ({where}).";
    }
}
