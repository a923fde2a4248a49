using System;
using System.Globalization;

namespace Nonprofit.Monitoring;

/// <summary>
/// Thrown by <see cref="CtgReader"/> and <see cref="WavReader"/> (with <see cref="Part"/> "WAV") when input is corrupt, truncated or not in the expected format. The message names the
/// byte offset (and, for text, the line and field) where reading stopped, never a value from the file: recordings are
/// patient data. A reader that throws has returned nothing; there is no partial recording.
/// </summary>
public sealed class CtgFormatException : FormatException
{
    /// <summary>Initializes the exception.</summary>
    public CtgFormatException()
        : base("The CTG input cannot be read.")
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public CtgFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CtgFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes the exception with what is wrong and where.</summary>
    /// <param name="message">What is wrong, without the position (no value from the input); the position is appended.</param>
    /// <param name="byteOffset">The 0-based byte offset in the input (or in the part named by <paramref name="part"/>).</param>
    /// <param name="part">Which input the offset is in when there are several (e.g. "WFDB header"), or <see langword="null"/>.</param>
    /// <param name="lineNumber">The 1-based line for text input, or 0.</param>
    public CtgFormatException(string message, long byteOffset, string? part = null, int lineNumber = 0)
        : base(FormatMessage(message, byteOffset, part, lineNumber))
    {
        ByteOffset = byteOffset;
        Part = part;
        LineNumber = lineNumber;
    }

    /// <summary>Gets the 0-based byte offset where reading stopped, or -1 when unknown.</summary>
    public long ByteOffset { get; } = -1;

    /// <summary>Gets which input <see cref="ByteOffset"/> refers to when a format has several (e.g. "WFDB header", "WFDB data"), or <see langword="null"/>.</summary>
    public string? Part { get; }

    /// <summary>Gets the 1-based line for text input, or 0 when not applicable.</summary>
    public int LineNumber { get; }

    private static string FormatMessage(string message, long byteOffset, string? part, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(message);
        var where = string.Create(CultureInfo.InvariantCulture, $"byte offset {byteOffset}");
        if (lineNumber > 0)
        {
            where = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, {where}");
        }

        if (part is not null)
        {
            where = $"{part}, {where}";
        }

        return $"{message.TrimEnd('.')} ({where}).";
    }
}
