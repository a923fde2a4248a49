using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Monitoring;

/// <summary>
/// Writes a <see cref="CtgRecording"/> as CSV (read back by <see cref="CtgReader.ReadCsv"/>) or JSON. The whole output is
/// formatted before the first byte is written; the path overloads write a temporary file beside the target and move it
/// into place, so a failure never leaves a partial file.
/// </summary>
/// <remarks>
/// CSV: header <c>time_s,fhr_bpm[,fhr2_bpm][,mhr_bpm][,ua],quality</c>, one line a sample, '.' decimals, an empty field for
/// a missing value, "\n" after every line. JSON: <c>{"sampleRateHz":4,"startTime":...,"length":N,"fhrBpm":[...],
/// "fhr2Bpm":[...],"mhrBpm":[...],"ua":[...],"quality":["unknown",...]}</c> with <c>null</c> for a missing value and
/// absent channels left out. Numbers are the shortest text that reads back to the same <see cref="float"/>.
/// The output holds patient data: store and send it as such.
/// </remarks>
public static class CtgWriter
{
    /// <summary>Writes <paramref name="recording"/> as CSV.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteCsv(CtgRecording recording, Stream stream) => Write(CtgCsv.Format(Check(recording, stream)), stream);

    /// <summary>Writes <paramref name="recording"/> as CSV.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the output is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WriteCsvAsync(CtgRecording recording, Stream stream, CancellationToken cancellationToken = default) =>
        stream.WriteAsync(CtgCsv.Format(Check(recording, stream)), cancellationToken).AsTask();

    /// <summary>Writes <paramref name="recording"/> as JSON.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteJson(CtgRecording recording, Stream stream) => Write(CtgJson.Format(Check(recording, stream)), stream);

    /// <summary>Writes <paramref name="recording"/> as JSON.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the output is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static Task WriteJsonAsync(CtgRecording recording, Stream stream, CancellationToken cancellationToken = default) =>
        stream.WriteAsync(CtgJson.Format(Check(recording, stream)), cancellationToken).AsTask();

    /// <summary>Writes <paramref name="recording"/> to <paramref name="path"/> as CSV or JSON, by extension, replacing the file atomically.</summary>
    /// <param name="recording">The recording.</param>
    /// <param name="path">A <c>.csv</c> or <c>.json</c> path.</param>
    /// <param name="cancellationToken">Cancels the write (the target is then left as it was).</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="ArgumentException">The extension is neither <c>.csv</c> nor <c>.json</c>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static async Task WriteAsync(CtgRecording recording, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => CtgCsv.Format(recording),
            ".JSON" => CtgJson.Format(recording),
            _ => throw new ArgumentException("The file extension is neither .csv nor .json.", nameof(path)),
        };
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static CtgRecording Check(CtgRecording recording, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(stream);
        return recording;
    }

    private static void Write(byte[] bytes, Stream stream) => stream.Write(bytes);
}
