using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Privacy;

namespace Nonprofit.Cli.Pii;

/// <summary>
/// <c>nonprofit pii redact [--operator mask|placeholder|pseudonym|hash] [FILE...]</c>: text in (stdin or the
/// files, in order), redacted text out. The hash operator takes its key from the environment variable
/// <c>NONPROFIT_PII_HASH_KEY</c> (base64, at least 32 bytes).
/// </summary>
internal static class PiiRedactCommand
{
    public const string HashKeyVariable = "NONPROFIT_PII_HASH_KEY";

    public static Command Create(CliConsole console)
    {
        var op = new Option<string>("--operator")
        {
            Description = "How personal data is replaced: mask (****), placeholder (<PHONE_NUMBER>), pseudonym (<PERSON_1>), hash (<TYPE:hmac>).",
            DefaultValueFactory = _ => "placeholder",
        };
        op.AcceptOnlyFromAmong("mask", "placeholder", "pseudonym", "hash");
        var lang = PiiCommand.LanguageOption("text");
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "Files to redact, in order; stdin when none.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command("redact", "Redact personal data in text from stdin or files; write the redacted text to stdout.")
        {
            op,
            lang,
            files,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console,
            parseResult.GetValue(op)!,
            PiiCommand.CreateDetector(parseResult.GetValue(lang)),
            parseResult.GetValue(files) ?? [],
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string operatorName, PiiDetector detector, FileInfo[] files, CancellationToken cancellationToken)
    {
        var options = new PiiRedactorOptions { DefaultOperator = OperatorFor(operatorName) };
        if (operatorName == "hash")
        {
            options.HashKey = ReadHashKey();
        }

        foreach (var file in files)
        {
            if (!file.Exists)
            {
                throw new CliException(ExitCodes.BadInput, $"{file.Name}: file not found.");
            }
        }

        var redactor = new PiiRedactor(detector, options, new InMemoryPseudonymVault());
        if (files.Length == 0)
        {
            await RedactAsync(console.In, console.Out, redactor, cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in files)
        {
            using var reader = file.OpenText();
            await RedactAsync(reader, console.Out, redactor, cancellationToken).ConfigureAwait(false);
        }

        await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task RedactAsync(TextReader reader, TextWriter writer, PiiRedactor redactor, CancellationToken cancellationToken)
    {
        var stream = new StreamingPiiRedactor(redactor, scope: "cli");
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            await writer.WriteAsync(stream.Append(buffer.AsSpan(0, read))).ConfigureAwait(false);
        }

        await writer.WriteAsync(stream.Complete()).ConfigureAwait(false);
    }

    private static RedactionOperator OperatorFor(string name) => name switch
    {
        "mask" => RedactionOperator.Mask(),
        "pseudonym" => RedactionOperator.Pseudonym,
        "hash" => RedactionOperator.KeyedHash,
        _ => RedactionOperator.Placeholder,
    };

    private static byte[] ReadHashKey()
    {
        var value = Environment.GetEnvironmentVariable(HashKeyVariable);
        if (string.IsNullOrEmpty(value))
        {
            throw new CliException(ExitCodes.BadInput,
                $"--operator hash needs a key: set {HashKeyVariable} to at least 32 random bytes in base64 (for example: openssl rand -base64 32).");
        }

        try
        {
            var key = Convert.FromBase64String(value);
            return key.Length >= 32
                ? key
                : throw new CliException(ExitCodes.BadInput, $"{HashKeyVariable} decodes to {key.Length} bytes; at least 32 are needed.");
        }
        catch (FormatException)
        {
            throw new CliException(ExitCodes.BadInput, $"{HashKeyVariable} is not valid base64.");
        }
    }
}
