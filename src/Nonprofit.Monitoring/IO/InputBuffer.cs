using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Monitoring;

/// <summary>Reads a whole input before parsing, so that a parser sees every byte and never returns a partial recording.</summary>
internal static class InputBuffer
{
    /// <summary>The largest input a reader accepts: 256 MiB (an 8-hour .fhrm recording is about 1 MiB).</summary>
    internal const int MaxBytes = 256 * 1024 * 1024;

    public static byte[] ReadAll(Stream stream, string? part = null, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            Append(buffer, chunk, read, part, maxBytes);
        }

        return buffer.ToArray();
    }

    public static async Task<byte[]> ReadAllAsync(Stream stream, string? part, CancellationToken cancellationToken, int maxBytes = MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            Append(buffer, chunk, read, part, maxBytes);
        }

        return buffer.ToArray();
    }

    private static void Append(MemoryStream buffer, byte[] chunk, int read, string? part, int maxBytes)
    {
        if (buffer.Length + read > maxBytes)
        {
            throw new CtgFormatException(
                string.Create(CultureInfo.InvariantCulture, $"The input is larger than the {maxBytes / (1024 * 1024)} MiB this reader accepts"),
                maxBytes,
                part);
        }

        buffer.Write(chunk, 0, read);
    }
}
