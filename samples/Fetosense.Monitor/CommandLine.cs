using System.Globalization;
using Fetosense.Monitor.Scenarios;

namespace Fetosense.Monitor;

/// <summary>The parsed command line.</summary>
internal sealed record CommandLine
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Fetosense.Monitor: a portable fetal heart monitor (simulated Doppler probe, live CTG interpretation, report, sync).

          Fetosense.Monitor [--scenario NAME | --wav FILE.wav | --replay FILE] [--speed N] [--lang en|fr] [--plain]
                            [--data DIR] [--out DIR] [--follow-up] [--sync-url URL] [--capture FILE.html]
          Fetosense.Monitor --demo [--lang en|fr]
          Fetosense.Monitor --sync --sync-url URL [--data DIR]
          Fetosense.Monitor --export-dhis2 FILE.json [--org-unit CODE] [--data DIR]

        Scenarios: reassuring (default), late-decelerations, prolonged-bradycardia, maternal-pulse, probe-slipping.
        --replay reads a FHRMA .fhr/.fhrm, a CTU-UHB .hea (with its .dat) or a CTG .csv. --speed 0: as fast as possible
        (default 1 = real time). --data: the device's store (visits.db, impact.db, reports/), default ./fetosense-data.
        Exit codes: 0 ok (demo: every scenario as expected), 1 demo result unexpected or sync incomplete, 2 bad arguments.
        """;

    public ScenarioKind Scenario { get; init; } = ScenarioKind.Reassuring;

    public string? Wav { get; init; }

    public string? Replay { get; init; }

    public double Speed { get; init; } = 1;

    public string Language { get; init; } = "en";

    public bool Plain { get; init; }

    public bool Demo { get; init; }

    public bool SyncOnly { get; init; }

    public string DataDirectory { get; init; } = "fetosense-data";

    public string? ReportDirectory { get; init; }

    public bool FollowUp { get; init; }

    public Uri? SyncUrl { get; init; }

    public string? Capture { get; init; }

    public string? ExportDhis2 { get; init; }

    public string OrgUnit { get; init; } = "CLINIC-1";

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static CommandLine Parse(string[] args)
    {
        var o = new CommandLine();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--scenario" => o with { Scenario = Scenarios.Scenario.Parse(Value()) ?? throw new ArgumentException($"Unknown scenario: {args[i]}.") },
                "--wav" => o with { Wav = Value() },
                "--replay" => o with { Replay = Value() },
                "--speed" => o with { Speed = double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 && double.IsFinite(s) ? s : throw new ArgumentException("--speed must be a number ≥ 0.") },
                "--lang" => o with { Language = Value() is "en" or "fr" ? args[i] : throw new ArgumentException("--lang must be en or fr.") },
                "--plain" => o with { Plain = true },
                "--demo" => o with { Demo = true },
                "--sync" => o with { SyncOnly = true },
                "--data" => o with { DataDirectory = Value() },
                "--out" => o with { ReportDirectory = Value() },
                "--follow-up" => o with { FollowUp = true },
                "--sync-url" => o with { SyncUrl = Uri.TryCreate(Value(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : throw new ArgumentException("--sync-url must be an http(s) URL.") },
                "--capture" => o with { Capture = Value() },
                "--export-dhis2" => o with { ExportDhis2 = Value() },
                "--org-unit" => o with { OrgUnit = Value() },
                _ => throw new ArgumentException($"Unknown option: {args[i]}."),
            };
        }

        return o.Wav is not null && o.Replay is not null ? throw new ArgumentException("Give --wav or --replay, not both.")
            : o.SyncOnly && o.SyncUrl is null ? throw new ArgumentException("--sync needs --sync-url.")
            : o;
    }
}
