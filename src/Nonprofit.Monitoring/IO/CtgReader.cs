using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Monitoring;

/// <summary>
/// Reads CTG recordings: FHRMA <c>.fhr</c> and <c>.fhrm</c>, PhysioNet WFDB records in format 16 (<c>.hea</c> + <c>.dat</c>,
/// as in CTU-UHB), and the CSV that <see cref="CtgWriter"/> writes. Each call returns a complete recording or throws a
/// <see cref="CtgFormatException"/> (a <see cref="FormatException"/>) naming the byte offset where reading stopped.
/// </summary>
/// <remarks>
/// The input is read to its end before it is parsed (at most 256 MiB), so a truncated or corrupt input never yields a
/// half-filled recording. Exceptions name offsets, lines and fields, never a value or a file name: recordings and their
/// names may identify a patient. Formats without a length field (FHRMA, CSV) cannot tell a file cut exactly at a sample
/// boundary from a shorter recording; a cut anywhere else is an error. WFDB checks the sample count and checksums its
/// header declares.
/// </remarks>
public static class CtgReader
{
    /// <summary>Reads the recording at <paramref name="path"/>, choosing the format by extension.</summary>
    /// <param name="path"><c>.fhr</c>, <c>.fhrm</c>, <c>.hea</c> (its format-16 data file is found beside it, as the header names it) or <c>.csv</c> (4 Hz).</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentException">The extension is not one of the above.</exception>
    /// <exception cref="CtgFormatException">The input is corrupt, truncated or not in the format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CtgRecording Read(string path) => ReadAsync(path, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Reads the recording at <paramref name="path"/>, choosing the format by extension.</summary>
    /// <param name="path"><c>.fhr</c>, <c>.fhrm</c>, <c>.hea</c> (its format-16 data file is found beside it, as the header names it) or <c>.csv</c> (4 Hz).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentException">The extension is not one of the above.</exception>
    /// <exception cref="CtgFormatException">The input is corrupt, truncated or not in the format.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CtgRecording> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        switch (extension)
        {
            case ".FHR":
            case ".FHRM":
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                return FhrmaParser.Parse(bytes, extension == ".FHR" ? FhrmaVariant.Fhr : FhrmaVariant.Fhrm);
            case ".HEA":
                var header = WfdbParser.ParseHeader(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
                var dataPath = DataFileBeside(path, header.Signals[0]);
                var data = await File.ReadAllBytesAsync(dataPath, cancellationToken).ConfigureAwait(false);
                return WfdbParser.Decode(header, data);
            case ".CSV":
                return CtgCsv.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false), CtgRecording.StandardSampleRateHz);
            default:
                throw new ArgumentException("The file extension is not one of .fhr, .fhrm, .hea or .csv.", nameof(path));
        }
    }

    /// <summary>Reads an FHRMA recording from <paramref name="stream"/>.</summary>
    /// <param name="stream">The input, read to its end.</param>
    /// <param name="variant">The layout: <c>.fhr</c> or <c>.fhrm</c>.</param>
    /// <returns>The recording: FHR1 as <see cref="CtgRecording.FetalHeartRate"/>, FHR2 as the second channel, TOCO as uterine activity, MHR for <c>.fhrm</c>.</returns>
    /// <exception cref="CtgFormatException">The input is empty, truncated inside a sample, or larger than 256 MiB.</exception>
    public static CtgRecording ReadFhrma(Stream stream, FhrmaVariant variant) =>
        FhrmaParser.Parse(InputBuffer.ReadAll(stream), CheckVariant(variant));

    /// <summary>Reads an FHRMA recording from <paramref name="stream"/>.</summary>
    /// <param name="stream">The input, read to its end.</param>
    /// <param name="variant">The layout: <c>.fhr</c> or <c>.fhrm</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="CtgFormatException">The input is empty, truncated inside a sample, or larger than 256 MiB.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CtgRecording> ReadFhrmaAsync(Stream stream, FhrmaVariant variant, CancellationToken cancellationToken = default)
    {
        CheckVariant(variant);
        return FhrmaParser.Parse(await InputBuffer.ReadAllAsync(stream, null, cancellationToken).ConfigureAwait(false), variant);
    }

    /// <summary>Reads a WFDB format-16 record from its header and data streams.</summary>
    /// <param name="header">The <c>.hea</c> text.</param>
    /// <param name="data">The <c>.dat</c> file the header's signal lines name (all signals in that one file).</param>
    /// <returns>The recording: the signal described "FHR" (else the first) as fetal heart rate, "UC"/"TOCO"/"UA" (else the next) as uterine activity, "MHR" as maternal heart rate.</returns>
    /// <exception cref="CtgFormatException">The header or data is malformed or truncated, or a checksum does not match; <see cref="CtgFormatException.Part"/> says which.</exception>
    public static CtgRecording ReadWfdb(Stream header, Stream data)
    {
        var parsed = WfdbParser.ParseHeader(InputBuffer.ReadAll(header, WfdbParser.HeaderPart));
        return WfdbParser.Decode(parsed, InputBuffer.ReadAll(data, WfdbParser.DataPart));
    }

    /// <summary>Reads a WFDB format-16 record from its header and data streams.</summary>
    /// <param name="header">The <c>.hea</c> text.</param>
    /// <param name="data">The <c>.dat</c> file the header's signal lines name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="CtgFormatException">The header or data is malformed or truncated, or a checksum does not match.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CtgRecording> ReadWfdbAsync(Stream header, Stream data, CancellationToken cancellationToken = default)
    {
        var parsed = WfdbParser.ParseHeader(await InputBuffer.ReadAllAsync(header, WfdbParser.HeaderPart, cancellationToken).ConfigureAwait(false));
        return WfdbParser.Decode(parsed, await InputBuffer.ReadAllAsync(data, WfdbParser.DataPart, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Reads the CSV layout <see cref="CtgWriter.WriteCsv"/> writes.</summary>
    /// <param name="stream">UTF-8 text, read to its end; every line ends with a newline.</param>
    /// <param name="sampleRateHz">The sample rate; a <c>time_s</c> column, when present, must agree with it.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    /// <exception cref="CtgFormatException">A line or field is malformed; the message names the line, field and byte offset.</exception>
    public static CtgRecording ReadCsv(Stream stream, double sampleRateHz = CtgRecording.StandardSampleRateHz) =>
        CtgCsv.Parse(InputBuffer.ReadAll(CheckRate(stream, sampleRateHz)), sampleRateHz);

    /// <summary>Reads the CSV layout <see cref="CtgWriter.WriteCsv"/> writes.</summary>
    /// <param name="stream">UTF-8 text, read to its end; every line ends with a newline.</param>
    /// <param name="sampleRateHz">The sample rate; a <c>time_s</c> column, when present, must agree with it.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive and finite.</exception>
    /// <exception cref="CtgFormatException">A line or field is malformed; the message names the line, field and byte offset.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CtgRecording> ReadCsvAsync(
        Stream stream, double sampleRateHz = CtgRecording.StandardSampleRateHz, CancellationToken cancellationToken = default)
    {
        CheckRate(stream, sampleRateHz);
        return CtgCsv.Parse(await InputBuffer.ReadAllAsync(stream, null, cancellationToken).ConfigureAwait(false), sampleRateHz);
    }

    private static string DataFileBeside(string headerPath, WfdbSignal signal)
    {
        var name = signal.FileName;
        if (name.Length == 0 || name != Path.GetFileName(name) || name is "." or ".." || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new CtgFormatException(
                "The WFDB data file must be a plain file name beside the header", signal.FileNameOffset, WfdbParser.HeaderPart, signal.LineNumber);
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(headerPath))!, name);
    }

    private static FhrmaVariant CheckVariant(FhrmaVariant variant) =>
        variant is FhrmaVariant.Fhr or FhrmaVariant.Fhrm ? variant : throw new ArgumentOutOfRangeException(nameof(variant));

    private static Stream CheckRate(Stream stream, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRateHz), "The sample rate must be a positive finite number of hertz.");
        }

        return stream;
    }
}
