using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Nonprofit.Impact.Export;

/// <summary>Writes a <see cref="ResultsFramework"/> (with its baselines, targets and actuals) in a funder's or platform's format.</summary>
public interface IFrameworkExporter
{
    /// <summary>Gets the format's name on the command line (<c>iati</c>, <c>dhis2</c>, <c>csv</c>, <c>hxl</c>).</summary>
    string Format { get; }

    /// <summary>Gets the usual file extension, with the dot.</summary>
    string FileExtension { get; }

    /// <summary>Writes the framework to <paramref name="destination"/>, streaming (no whole-document model in memory).</summary>
    /// <param name="framework">A valid framework.</param>
    /// <param name="destination">The stream to write (UTF-8, no BOM).</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the export is written and flushed.</returns>
    Task ExportAsync(ResultsFramework framework, Stream destination, CancellationToken cancellationToken = default);
}
