using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Nonprofit.Impact.Iati;

/// <summary>
/// Reads an IATI 2.0x activity file (<c>iati-activities</c>) into a <see cref="ResultsFramework"/>: its activities
/// and all their results, indicators, baselines, periods, targets and actuals. The file is read with a
/// forward-only <see cref="XmlReader"/>; either the whole framework is returned or an
/// <see cref="IatiFormatException"/> is thrown, never a partial framework.
/// </summary>
/// <remarks>
/// <para>
/// <b>Indicator ids.</b> IATI indicators have no id, so each gets one from its position, 1-based, in document
/// order: <c>r{result}.i{indicator}</c> (for example <c>r2.i1</c>, the first indicator of the activity's second
/// result). When the file holds more than one activity every id is prefixed with the activity's position:
/// <c>a{activity}.r{result}.i{indicator}</c>, result numbers restarting at 1 in each activity.
/// </para>
/// <para>
/// <b>Dimensions.</b> The dimensions met on an indicator's baseline, targets and actuals become its
/// <see cref="IndicatorDefinition.Dimensions"/>, in order of first appearance, with the values seen as
/// <see cref="DimensionDefinition.AllowedValues"/>, so the framework passes <see cref="ResultsFramework.Validate"/>.
/// </para>
/// <para>
/// <b>Locations.</b> An activity-level <c>location</c> without <c>@ref</c> gets the ref <c>location-{n}</c>
/// (its 1-based position among the activity's locations; <c>_</c> is appended while that collides with
/// another ref), because results refer to locations by ref. Only the first <c>administrative/@code</c> and
/// the <c>point/pos</c> ("latitude longitude") are kept.
/// </para>
/// <para>
/// <b>Not read</b> (the model has no place for them): activity descriptions other than the general one
/// (<c>type="1"</c> or untyped; the first description is used when there is none), tags, sectors, budgets,
/// transactions, document links, contact information, the narratives of activity dates and recipient
/// countries, country percentages, and location details other than ref, name, administrative code and point.
/// On export, SDG tags are derived again from the indicators' SDG references.
/// </para>
/// <para>
/// <b>Rejected</b> with <see cref="IatiFormatException"/> (with the line): malformed or truncated XML, a root
/// other than <c>iati-activities</c>, an indicator with more than one <c>baseline</c> (the model holds one),
/// a missing <c>iati-identifier</c>, <c>reporting-org/@ref</c>, result or indicator title, or period date,
/// codes outside the <c>ResultType</c> and <c>IndicatorMeasure</c> codelists, dates, years, booleans and
/// points that do not parse, a non-numeric value on a unit or percentage indicator, an unknown SDG code,
/// dimensions without name or value, and duplicate activity identifiers or location refs.
/// </para>
/// </remarks>
public static class IatiImporter
{
    /// <summary>Reads an IATI activity file from a stream (its encoding is taken from the XML declaration, UTF-8 by default).</summary>
    /// <param name="stream">The stream; it is not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The framework, valid according to <see cref="ResultsFramework.Validate"/>.</returns>
    /// <exception cref="IatiFormatException">The XML is malformed or its results cannot be read; the message names the element and line.</exception>
    public static Task<ResultsFramework> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadAsync(() => XmlReader.Create(stream, CreateSettings()), cancellationToken);
    }

    /// <summary>Reads an IATI activity file from text.</summary>
    /// <param name="reader">The text; it is not closed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The framework, valid according to <see cref="ResultsFramework.Validate"/>.</returns>
    /// <exception cref="IatiFormatException">The XML is malformed or its results cannot be read; the message names the element and line.</exception>
    public static Task<ResultsFramework> ReadAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadAsync(() => XmlReader.Create(reader, CreateSettings()), cancellationToken);
    }

    /// <summary>Reads an IATI activity file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The framework, valid according to <see cref="ResultsFramework.Validate"/>.</returns>
    /// <exception cref="IatiFormatException">The XML is malformed or its results cannot be read; the message names the element and line.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<ResultsFramework> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 65536, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static XmlReaderSettings CreateSettings() => new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    private static async Task<ResultsFramework> ReadAsync(Func<XmlReader> create, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var xml = create();
        using (xml)
        {
            var reader = new IatiActivityReader(xml, cancellationToken);
            try
            {
                return await reader.ReadAsync().ConfigureAwait(false);
            }
            catch (XmlException ex)
            {
                // XmlException's own message can quote the document; keep only the position.
                throw new IatiFormatException("The file is not well-formed XML or an element holds content it must not", ex.LineNumber, ex.LinePosition);
            }
            catch (DecoderFallbackException)
            {
                throw new IatiFormatException("The file holds bytes that are not valid in its declared encoding", reader.LineNumber, reader.LinePosition);
            }
        }
    }
}
