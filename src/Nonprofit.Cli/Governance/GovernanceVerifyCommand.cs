using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Nonprofit.Governance.Records;
using Nonprofit.Impact;

namespace Nonprofit.Cli.Governance;

/// <summary>
/// <c>nonprofit governance verify STORE [--anchor COUNT:HASH]</c>: recomputes the decision log's hash chain; exit 0
/// when it is intact, 1 when a record was edited, removed or reordered (or the anchor does not match), 2 on bad input.
/// </summary>
internal static class GovernanceVerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var store = new Argument<string>("STORE") { Description = "The SQLite database holding the decision log (the impact store's file)." };
        var anchor = new Option<string?>("--anchor")
        {
            Description = "An anchor written down outside the database earlier (COUNT:HASH, as printed by this command): also detects records removed from the end or a rewritten history.",
            HelpName = "COUNT:HASH",
        };
        var command = new Command(
            "verify",
            "Verify the tamper-evident decision log: every record's hash and its link to the previous one. Exit 0 intact, 1 broken, 2 bad input.")
        {
            store,
            anchor,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(console, parseResult.GetValue(store)!, parseResult.GetValue(anchor), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string path, string? anchorText, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            // Opening would create an empty database, which would "verify" as an intact empty chain.
            throw new CliException(ExitCodes.BadInput, $"{path}: no such file.");
        }

        ChainAnchor? anchor = null;
        if (anchorText is not null)
        {
            var colon = anchorText.IndexOf(':', StringComparison.Ordinal);
            try
            {
                anchor = colon > 0 && long.TryParse(anchorText.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                    ? new ChainAnchor(count, anchorText[(colon + 1)..])
                    : throw new ArgumentException("missing COUNT:");
            }
            catch (ArgumentException)
            {
                throw new CliException(ExitCodes.BadInput, "--anchor: expected COUNT:HASH (a record count, a colon, 64 hexadecimal digits).");
            }
        }

        var log = new DecisionLog(new SqliteImpactStoreOptions { Path = path });
        await using (log.ConfigureAwait(false))
        {
            ChainVerification result;
            try
            {
                result = await log.VerifyAsync(anchor, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException)
            {
                throw new CliException(ExitCodes.BadInput, $"{path}: cannot be opened as a decision log database.");
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ExitCodes.BadInput, $"{path}: {ex.Message}");
            }

            if (result.IsValid)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"intact: {result.Count} records; anchor {result.Anchor}")).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"BROKEN at sequence {result.FirstBrokenSequence?.ToString(CultureInfo.InvariantCulture) ?? "?"}: {result.Reason}{(result.Detail is null ? "" : " (" + result.Detail + ")")}")).ConfigureAwait(false);
            return ExitCodes.Findings;
        }
    }
}
