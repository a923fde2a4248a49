using System;
using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Impact;
using Nonprofit.Impact.Export;
using Nonprofit.Impact.Iati;

namespace Nonprofit.Cli.Impact;

/// <summary>
/// <c>nonprofit impact export --framework FRAMEWORK.json [--store DB] --format iati|dhis2|csv|hxl [--out FILE]
/// [--dhis2-mapping MAPPING.json] [--dhis2-org-unit CODE]</c>: writes the framework in the format, to the file or to
/// stdout; with <c>--store</c> the actuals are aggregated from the impact store's measurements.
/// </summary>
internal static class ImpactExportCommand
{
    public static Command Create(CliConsole console)
    {
        var framework = new Option<string>("--framework")
        {
            Description = "The results framework (JSON).",
            HelpName = "FRAMEWORK.json",
            Required = true,
        };
        var store = new Option<string?>("--store")
        {
            Description = "An impact store database (SQLite) to aggregate the actuals of every period from; without it, the framework's own actuals are exported. The file must exist.",
            HelpName = "DB",
        };
        var format = new Option<string>("--format")
        {
            Description = "iati (IATI 2.03 activity XML), dhis2 (DHIS2 dataValueSets JSON, actuals only), csv (one row per baseline, target and actual) or hxl (that CSV with HXL hashtags).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("iati", "dhis2", "csv", "hxl");
        var output = new Option<string?>("--out")
        {
            Description = "The file to write (replaced only once the export has succeeded); stdout when omitted.",
            HelpName = "FILE",
        };
        var mapping = new Option<string?>("--dhis2-mapping")
        {
            Description =
                "dhis2 only: a JSON file mapping the framework onto DHIS2 UIDs or codes: {\"dataSet\", \"completeDate\", \"dataElements\": {indicatorId: id}, " +
                "\"targetDataElements\", \"orgUnits\": {locationRef: id}, \"defaultOrgUnit\", \"useAdministrativeCodes\", " +
                "\"categoryOptionCombos\": {\"age=5-17;sex=female\": id}, \"defaultCategoryOptionCombo\", \"attributeOptionCombo\"}. " +
                "Without it, the default mapping uses codes (import with idScheme=CODE): data element = indicator id; org unit = the location's " +
                "administrative code, else its ref; category option combo = the disaggregation key such as 'age=5-17;sex=female', or 'default' " +
                "when there is none; values that name no location go to --dhis2-org-unit.",
            HelpName = "MAPPING.json",
        };
        var orgUnit = new Option<string?>("--dhis2-org-unit")
        {
            Description = "dhis2 only: the org unit (a code with the default mapping) of values that name no location, such as actuals from --store; overrides the mapping file's defaultOrgUnit.",
            HelpName = "CODE",
        };

        var command = new Command(
            "export",
            "Export a results framework as IATI 2.03 XML, DHIS2 dataValueSets JSON, CSV or HXL. Exit 0 when written; " +
            "exit 2 when a file is missing, the framework is invalid (one 'PATH: message' line per error on stderr) or the " +
            "format cannot carry it (for example IATI's required activity data, or a DHIS2 mapping that does not cover a value).")
        {
            framework,
            store,
            format,
            output,
            mapping,
            orgUnit,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            new ExportRequest(
                parseResult.GetValue(framework)!,
                parseResult.GetValue(store),
                parseResult.GetValue(format)!,
                parseResult.GetValue(output),
                parseResult.GetValue(mapping),
                parseResult.GetValue(orgUnit)),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var isDhis2 = request.Format == "dhis2";
        if (!isDhis2 && (request.Dhis2MappingPath is not null || request.Dhis2OrgUnit is not null))
        {
            throw new CliException(ExitCodes.BadInput,
                $"{(request.Dhis2MappingPath is not null ? "--dhis2-mapping" : "--dhis2-org-unit")} applies only to --format dhis2.");
        }

        if (request.Dhis2OrgUnit is { } code && string.IsNullOrWhiteSpace(code))
        {
            throw new CliException(ExitCodes.BadInput, "--dhis2-org-unit must not be empty.");
        }

        // Check every file before reading any, so a typo costs nothing.
        ImpactFiles.RequireFile(request.FrameworkPath, "--framework");
        if (request.StorePath is not null)
        {
            // SQLite would create a missing database: an export must not invent an empty store.
            ImpactFiles.RequireFile(request.StorePath, "--store");
        }

        if (request.Dhis2MappingPath is not null)
        {
            ImpactFiles.RequireFile(request.Dhis2MappingPath, "--dhis2-mapping");
        }

        if (request.OutPath is not null)
        {
            ImpactFiles.RequireOutputFolder(request.OutPath, "--out");
        }

        ResultsFramework framework;
        try
        {
            framework = await ImpactFiles.ReadFrameworkAsync(request.FrameworkPath, "--framework", cancellationToken).ConfigureAwait(false);
        }
        catch (FrameworkValidationException ex)
        {
            throw ImpactFiles.BadInput(
                $"--framework: {request.FrameworkPath} is not a valid results framework ({Count(ex.Errors.Count)} error(s)):",
                ex.Errors);
        }

        if (request.StorePath is not null)
        {
            framework = await WithStoreActualsAsync(framework, request.StorePath, cancellationToken).ConfigureAwait(false);
        }

        IFrameworkExporter exporter;
        var defaultMapping = false;
        switch (request.Format)
        {
            case "iati":
                var iati = new IatiExporter();
                var errors = iati.FindExportErrors(framework);
                if (errors.Count > 0)
                {
                    throw ImpactFiles.BadInput(
                        $"--framework: {request.FrameworkPath} cannot be exported as IATI {IatiExporter.IatiVersion} ({Count(errors.Count)} problem(s)):",
                        errors);
                }

                exporter = iati;
                break;
            case "dhis2":
                Dhis2Mapping dhis2Mapping;
                if (request.Dhis2MappingPath is not null)
                {
                    dhis2Mapping = await Dhis2MappingFile.ReadAsync(request.Dhis2MappingPath, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    dhis2Mapping = Dhis2MappingFile.CreateDefault(framework, request.Dhis2OrgUnit);
                    defaultMapping = true;
                }

                if (request.Dhis2OrgUnit is not null)
                {
                    dhis2Mapping.DefaultOrgUnit = request.Dhis2OrgUnit;
                }

                exporter = new Dhis2Exporter(dhis2Mapping);
                break;
            case "hxl":
                exporter = new HxlExporter();
                break;
            default:
                exporter = new CsvExporter();
                break;
        }

        Dhis2ExportReport? report = null;
        try
        {
            await ImpactFiles.WriteOutputAsync(console, request.OutPath, async (stream, ct) =>
            {
                if (exporter is Dhis2Exporter dhis2)
                {
                    report = await dhis2.ExportWithReportAsync(framework, stream, ct).ConfigureAwait(false);
                }
                else
                {
                    await exporter.ExportAsync(framework, stream, ct).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (FrameworkValidationException ex)
        {
            throw ImpactFiles.BadInput(
                $"--framework: {request.FrameworkPath}{(request.StorePath is null ? "" : " with the actuals of --store")} cannot be exported as {request.Format} ({Count(ex.Errors.Count)} problem(s)):",
                ex.Errors);
        }
        catch (Dhis2MappingException ex)
        {
            var needsOrgUnit = ex.Errors.Any(e => e.Message.Contains("DefaultOrgUnit", StringComparison.Ordinal));
            throw ImpactFiles.BadInput(
                $"{(defaultMapping ? "The default DHIS2 mapping" : "--dhis2-mapping: " + request.Dhis2MappingPath)} does not cover the framework ({Count(ex.Errors.Count)} problem(s)):",
                ex.Errors,
                needsOrgUnit
                    ? "Values that name no location need an org unit: pass --dhis2-org-unit" + (defaultMapping ? " CODE." : " or set defaultOrgUnit in the mapping file.")
                    : null);
        }

        if (report is not null)
        {
            foreach (var skipped in report.Skipped)
            {
                await console.Error.WriteLineAsync($"skipped {ImpactFiles.Format(new FrameworkError(skipped.Path, skipped.Reason))}").ConfigureAwait(false);
            }
        }

        if (request.OutPath is not null)
        {
            await console.Error.WriteLineAsync($"wrote {request.OutPath} ({request.Format}).").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    internal static async Task<ResultsFramework> WithStoreActualsAsync(ResultsFramework framework, string path, CancellationToken cancellationToken)
    {
        var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = path });
        await using (store.ConfigureAwait(false))
        {
            try
            {
                await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                // The store's own messages: a newer schema version, or a database that belongs to something else.
                throw new CliException(ExitCodes.BadInput, $"--store: {path}: {ex.Message}");
            }
            catch (DbException ex)
            {
                throw new CliException(ExitCodes.BadInput, $"--store: {path} cannot be opened as an impact store database ({ex.Message.TrimEnd('.')}).");
            }

            try
            {
                return await FrameworkActuals.FromStoreAsync(framework, store, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                throw new CliException(ExitCodes.BadInput, $"--store: {path} cannot be read ({ex.Message.TrimEnd('.')}).");
            }
        }
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    /// <summary>The options of one export.</summary>
    internal sealed record ExportRequest(
        string FrameworkPath, string? StorePath, string Format, string? OutPath, string? Dhis2MappingPath = null, string? Dhis2OrgUnit = null);
}
