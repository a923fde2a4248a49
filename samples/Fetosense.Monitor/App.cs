using System.Globalization;
using System.Text.Json;
using Fetosense.Monitor.Alerts;
using Fetosense.Monitor.Device;
using Fetosense.Monitor.Indicators;
using Fetosense.Monitor.Reports;
using Fetosense.Monitor.Scenarios;
using Fetosense.Monitor.Session;
using Fetosense.Monitor.View;
using Fetosense.Monitor.Visits;
using Nonprofit.Impact;
using Nonprofit.Monitoring;
using Spectre.Console;

namespace Fetosense.Monitor;

/// <summary>The command line: a visit (simulated, WAV or replayed), the demo, a sync, or a DHIS2 export.</summary>
internal static class App
{
    /// <summary>Runs the command line; returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output; anything but the real console gets the plain view.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="http">The HTTP client of the sync (a new one when null).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider timeProvider, HttpClient? http, CancellationToken cancellationToken)
    {
        CommandLine options;
        try
        {
            options = CommandLine.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message + Environment.NewLine + Environment.NewLine + CommandLine.Usage).ConfigureAwait(false);
            return 2;
        }

        if (options.Demo)
        {
            var outcomes = await Demo.RunAllAsync(options.Language, timeProvider, output, cancellationToken).ConfigureAwait(false);
            return outcomes.All(o => o.AsExpected) ? 0 : 1;
        }

        Directory.CreateDirectory(options.DataDirectory);
        if (options.ExportDhis2 is { } dhis2)
        {
            await using var impact = await OpenImpactAsync(options).ConfigureAwait(false);
            var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            await using var file = File.Create(dhis2);
            await FetosenseIndicators.ExportDhis2Async(impact, options.OrgUnit, today.AddYears(-1), today, file, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"DHIS2 dataValueSet written: {dhis2}").ConfigureAwait(false);
            return 0;
        }

        await using var visits = await VisitStore.OpenAsync(Path.Combine(options.DataDirectory, "visits.db"), cancellationToken).ConfigureAwait(false);
        if (!options.SyncOnly)
        {
            var code = await VisitAsync(options, output, error, visits, timeProvider, cancellationToken).ConfigureAwait(false);
            if (code != 0)
            {
                return code;
            }
        }

        if (options.SyncUrl is { } url)
        {
            using var client = http is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(30) } : null;
            var sync = await new VisitSync(http ?? client!, url, timeProvider).SyncAsync(visits, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sync: {sync.Sent} sent, {sync.Pending} waiting on the device")).ConfigureAwait(false);
            return sync.Pending == 0 ? 0 : 1;
        }

        return 0;
    }

    private static async Task<int> VisitAsync(CommandLine options, TextWriter output, TextWriter error, VisitStore visits, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        string source;
        IEnumerable<CtgSample> samples;
        try
        {
            (source, samples) = await OpenSourceAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is CtgFormatException or IOException or UnauthorizedAccessException)
        {
            // The reader's message names the byte or line, never a value.
            await error.WriteLineAsync($"Cannot read the input: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        var session = new MonitorSession(options.Language, options.Speed, timeProvider);
        SessionResult result;
        var plain = options.Plain || !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        if (plain)
        {
            result = await session.RunAsync(samples, new PlainView(output), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var view = new LiveView(timeProvider, options.Language);
            SessionResult? live = null;
            await AnsiConsole.Live(view.Build()).StartAsync(async context =>
            {
                view.Attach(context);
                live = await session.RunAsync(samples, view, cancellationToken).ConfigureAwait(false);
                view.Redraw();
            }).ConfigureAwait(false);
            result = live!;
            if (options.Capture is { } capture)
            {
                await CaptureAsync(view, capture, cancellationToken).ConfigureAwait(false);
            }
        }

        var visitId = VisitStore.NewId();
        var folder = options.ReportDirectory ?? Path.Combine(options.DataDirectory, "reports", visitId);
        await ReportFolder.WriteAsync(folder, visitId, source, result, options.Language, cancellationToken).ConfigureAwait(false);
        var now = timeProvider.GetUtcNow();
        await visits.AddAsync(new Visit(visitId, now, Payload(visitId, now, source, result), null), cancellationToken).ConfigureAwait(false);
        await using (var impact = await OpenImpactAsync(options).ConfigureAwait(false))
        {
            await impact.AppendAsync(FetosenseIndicators.Measurements(visitId, !options.FollowUp, result, now), cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"FIGO {AlertCatalog.CategoryText(result.Assessment.Figo.Category, options.Language)}; action: {AlertCatalog.ActionText(result.WorstAction, options.Language)}; report: {folder}")).ConfigureAwait(false);
        return 0;
    }

    private static async Task<(string Source, IEnumerable<CtgSample> Samples)> OpenSourceAsync(CommandLine options, CancellationToken cancellationToken)
    {
        if (options.Replay is { } replay)
        {
            var recording = await CtgReader.ReadAsync(replay, cancellationToken).ConfigureAwait(false);
            return ("replay of " + Path.GetFileName(replay), CtgSample.FromRecording(recording));
        }

        if (options.Wav is { } wav)
        {
            var audio = WavReader.Read(wav);
            return ("Doppler audio " + Path.GetFileName(wav), DopplerToCtg.Convert(SimulatedDevice.Frames(audio), audio.SampleRateHz));
        }

        var scenario = ScenarioLibrary.Create(options.Scenario);
        return ("simulated scenario " + scenario.Name, DopplerToCtg.Convert(SimulatedDevice.Frames(scenario), SimulatedDevice.AudioRateHz));
    }

    private static async Task<SqliteImpactStore> OpenImpactAsync(CommandLine options)
    {
        var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = Path.Combine(options.DataDirectory, "impact.db") });
        await store.InitializeAsync().ConfigureAwait(false);
        return store;
    }

    /// <summary>The visit's upload: a summary and the <c>nonprofit ctg analyze</c> object; ids and figures only.</summary>
    internal static string Payload(string visitId, DateTimeOffset recordedAt, string source, SessionResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("visit_id", visitId);
            json.WriteString("recorded_utc", recordedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("source", source);
            json.WriteNumber("duration_s", Math.Round(result.Recording.Duration.TotalSeconds, 2));
            json.WriteString("action", result.WorstAction.ToString());
            json.WriteStartArray("alerts");
            foreach (var a in result.Alerts)
            {
                json.WriteStartObject();
                json.WriteString("kind", a.Event.Kind.ToString());
                json.WriteString("phase", a.Event.Phase.ToString());
                json.WriteNumber("at_s", a.ElapsedSeconds(result.Recording.SampleRateHz));
                json.WriteNumber("start_s", a.Event.StartIndex / result.Recording.SampleRateHz);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("analysis");
            json.WriteRawValue(CtgAssessmentJson.ToJson(result.Assessment));
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static async Task CaptureAsync(LiveView view, string path, CancellationToken cancellationToken)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), ColorSystem = ColorSystemSupport.TrueColor, Interactive = InteractionSupport.No });
        console.Profile.Width = 140;
        var recorder = new Recorder(console);
        recorder.Write(view.Build());
        await File.WriteAllTextAsync(path, path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? recorder.ExportHtml() : recorder.ExportText(), cancellationToken).ConfigureAwait(false);
    }
}
