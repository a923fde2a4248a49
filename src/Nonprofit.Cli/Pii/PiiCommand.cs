using System.CommandLine;

namespace Nonprofit.Cli.Pii;

/// <summary>The <c>nonprofit pii</c> command group: detect, redact and scan personal data.</summary>
internal static class PiiCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("pii", "Find and redact personal data in text (names, phones, ids, bank details, addresses).");
        command.Subcommands.Add(PiiDetectCommand.Create(console));
        command.Subcommands.Add(PiiRedactCommand.Create(console));
        command.Subcommands.Add(PiiScanCommand.Create(console));
        return command;
    }

    /// <summary>The languages whose phone formats and context words are preferred with <c>--lang</c>.</summary>
    public static readonly string[] Languages = ["en", "fr", "es", "pt", "sw", "hi"];

    /// <summary>Creates the <c>--lang</c> option every pii command takes.</summary>
    public static Option<string?> LanguageOption(string what)
    {
        var option = new Option<string?>("--lang")
        {
            Description = $"Language of the {what} (en, fr, es, pt, sw, hi): its phone formats are tried first.",
        };
        option.AcceptOnlyFromAmong(Languages);
        return option;
    }

    /// <summary>Creates a detector, preferring the phone regions of <paramref name="language"/>.</summary>
    public static Nonprofit.Privacy.PiiDetector CreateDetector(string? language)
    {
        var options = new Nonprofit.Privacy.PiiDetectorOptions();
        string[] preferred = language switch
        {
            "fr" => ["FR"],
            "es" => ["ES"],
            "pt" => ["BR", "PT"],
            "sw" => ["KE", "TZ", "UG"],
            "hi" => ["IN"],
            _ => [],
        };

        for (var i = preferred.Length - 1; i >= 0; i--)
        {
            options.DefaultRegions.Remove(preferred[i]);
            options.DefaultRegions.Insert(0, preferred[i]);
        }

        return new Nonprofit.Privacy.PiiDetector(options);
    }
}
