using System;
using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Privacy;

namespace Nonprofit.Cli.Pii;

/// <summary>
/// <c>nonprofit pii detect [--lang xx]</c>: JSON Lines in (objects with a <c>"text"</c> field), one JSON line out
/// per input line, in order: <c>{"spans":[{"start":12,"end":25,"type":"PERSON","score":0.87}]}</c> with UTF-16
/// offsets, end exclusive. An invalid line stops the run with exit code 2 and an error naming the line.
/// </summary>
internal static class PiiDetectCommand
{
    public static Command Create(CliConsole console)
    {
        var lang = PiiCommand.LanguageOption("texts");

        var command = new Command("detect", "Read JSON Lines with a \"text\" field from stdin; write the personal data spans of each line as JSON Lines.")
        {
            lang,
        };
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(console, PiiCommand.CreateDetector(parseResult.GetValue(lang)), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, PiiDetector detector, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            var text = ReadText(line, lineNumber);
            var matches = detector.Detect(text);
            await console.Out.WriteLineAsync(Format(matches)).ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    internal static string ReadText(string line, int lineNumber)
    {
        // Notepad and PowerShell start a UTF-8 file with a byte order mark; the reader leaves it on the first line.
        if (lineNumber == 1 && line.StartsWith('\uFEFF'))
        {
            line = line[1..];
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException(ExitCodes.BadInput, $"line {lineNumber}: expected a JSON object with a \"text\" field.");
            }

            if (!document.RootElement.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new CliException(ExitCodes.BadInput, $"line {lineNumber}: the object has no string field \"text\".");
            }

            try
            {
                return text.GetString()!;
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses a \uD800-\uDFFF escape without its pair when it builds the string.
                throw new CliException(ExitCodes.BadInput,
                    $"line {lineNumber}: the \"text\" string is not valid Unicode (a lone surrogate escape such as \\uD800). Send UTF-16 surrogates in pairs.");
            }
        }
        catch (JsonException ex)
        {
            // JsonException's message names a position, never the content.
            throw new CliException(ExitCodes.BadInput,
                $"line {lineNumber}: not valid JSON (byte {ex.BytePositionInLine}). Each line must be one JSON object.");
        }
    }

    internal static string Format(System.Collections.Generic.IReadOnlyList<PiiMatch> matches)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("spans");
            foreach (var m in matches)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", m.Start);
                writer.WriteNumber("end", m.End);
                writer.WriteString("type", m.Type.Name);
                writer.WriteNumber("score", Math.Round(m.Score, 2));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
