using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Nonprofit.Governance.Records;
using static Nonprofit.Governance.Tests.Records.RecordsTestData;

namespace Nonprofit.Governance.Tests.Records;

public class DecisionLogChainTests
{
    private static readonly DateTimeOffset s_start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>Five records: 1, 2 allocations; 3 needs approval; 4 approves 3 (with a comment); 5 an escalation.</summary>
    private static async Task<List<DecisionRecord>> AppendFiveAsync(DecisionLog log)
    {
        var records = new List<DecisionRecord>
        {
            await log.AppendAsync(Draft(1)),
            await log.AppendAsync(Draft(2)),
            await log.AppendAsync(Draft(3, requiresApproval: true)),
        };
        records.Add(await log.ApproveAsync(records[2].Id, "programme-officer-3", "Within the board's envelope."));
        records.Add(await log.AppendAsync(Draft(5, kind: DecisionKind.Escalation)));
        return records;
    }

    [Fact]
    public async Task Chain_OfManyRecords_Verifies()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(s_start);
        await using var log = new DecisionLog(db.Options, time);
        var appended = new List<DecisionRecord>();
        for (var i = 0; i < 25; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            appended.Add(await log.AppendAsync(Draft(i, requiresApproval: i % 5 == 0)));
        }

        var verification = await log.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(25, verification.Count);
        Assert.Equal(appended[^1].Hash, verification.HeadHash);
        Assert.Null(verification.FirstBrokenSequence);
        Assert.Equal(ChainBreak.None, verification.Reason);

        Assert.Equal(new string('0', 64), appended[0].PreviousHash);
        for (var i = 0; i < appended.Count; i++)
        {
            Assert.Equal(i + 1, appended[i].Sequence);
            Assert.Equal(s_start.AddMinutes(i + 1), appended[i].Timestamp);
            Assert.Matches("^[0-9a-f]{64}$", appended[i].Hash);
            if (i > 0)
            {
                Assert.Equal(appended[i - 1].Hash, appended[i].PreviousHash);
            }
        }

        var read = new List<DecisionRecord>();
        await foreach (var record in log.ReadAsync(fromSequence: 10))
        {
            read.Add(record);
        }

        Assert.Equal(Enumerable.Range(10, 16).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.Equal(appended.Skip(9).Select(r => r.Hash), read.Select(r => r.Hash));
        Assert.Equal(appended[9].ToCanonicalJson(), read[0].ToCanonicalJson());
        Assert.Equal(appended[9].Inputs.GetRawText(), read[0].Inputs.GetRawText());
    }

    [Fact]
    public async Task EmptyLog_IsValid_WithTheGenesisHead()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        var verification = await log.VerifyAsync();
        Assert.True(verification.IsValid);
        Assert.Equal(0, verification.Count);
        Assert.Equal(new string('0', 64), verification.HeadHash);
        var anchor = await log.GetAnchorAsync();
        Assert.Equal(0, anchor.Count);
        Assert.True((await log.VerifyAsync(anchor)).IsValid);
    }

    [Fact]
    public async Task Triggers_RefuseUpdateAndDelete()
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options))
        {
            await log.AppendAsync(Draft(1));
        }

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={db.Path}");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE decision_records SET explanation = 'changed'";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => update.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM decision_records";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery()).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, long, ChainBreak> Edits()
    {
        var data = new TheoryData<string, long, ChainBreak>();
        string[] decisionEdits =
        [
            "id = '00000000-0000-4000-8000-000000000001'",
            "timestamp_ticks = timestamp_ticks + 1",
            "kind = CASE kind WHEN 'other' THEN 'allocation' ELSE 'other' END",
            "policy_name = policy_name || '-x'",
            "policy_version = '2.1.1'",
            "inputs = replace(inputs, '0.31', '0.41')",
            "output = replace(output, '400', '401')",
            "explanation = explanation || ' '",
            "requires_approval = 1 - requires_approval",
        ];
        foreach (var edit in decisionEdits)
        {
            foreach (var sequence in new long[] { 1, 3, 5 })
            {
                data.Add(edit, sequence, ChainBreak.HashMismatch);
            }
        }

        // The approval record (sequence 4): who, what, which decision.
        data.Add("approval_of = '00000000-0000-4000-8000-000000000002'", 4, ChainBreak.HashMismatch);
        data.Add("verdict = 'rejected'", 4, ChainBreak.HashMismatch);
        data.Add("approver = 'director-1'", 4, ChainBreak.HashMismatch);
        data.Add("comment = NULL", 4, ChainBreak.HashMismatch);
        data.Add("comment = 'Outside the envelope.'", 4, ChainBreak.HashMismatch);
        data.Add("timestamp_ticks = timestamp_ticks - 1", 4, ChainBreak.HashMismatch);

        // The hash columns themselves.
        foreach (var sequence in new long[] { 1, 3, 5 })
        {
            data.Add("hash = replace(hash, substr(hash, 1, 1), CASE substr(hash, 1, 1) WHEN 'a' THEN 'b' ELSE 'a' END)", sequence, ChainBreak.HashMismatch);
            data.Add("previous_hash = '" + new string('f', 64) + "'", sequence, ChainBreak.PreviousHashMismatch);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task EditingAField_WithRawSql_IsDetectedAtThatSequence(string set, long sequence, ChainBreak reason)
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options, new FakeTimeProvider(s_start)))
        {
            await AppendFiveAsync(log);
            Assert.True((await log.VerifyAsync()).IsValid);
        }

        db.Tamper($"UPDATE decision_records SET {set} WHERE sequence = {sequence};");
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync();
        Assert.False(verification.IsValid);
        Assert.Equal(sequence, verification.FirstBrokenSequence);
        Assert.Equal(reason, verification.Reason);
        Assert.Equal(sequence - 1, verification.Count);
        Assert.NotNull(verification.Detail);
    }

    [Fact]
    public async Task DeletingAMiddleRecord_IsDetected_AsAGap()
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options))
        {
            await AppendFiveAsync(log);
        }

        db.Tamper("DELETE FROM decision_records WHERE sequence = 3;");
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync();
        Assert.False(verification.IsValid);
        Assert.Equal(3, verification.FirstBrokenSequence);
        Assert.Equal(ChainBreak.SequenceGap, verification.Reason);
        Assert.Equal(2, verification.Count);
    }

    [Fact]
    public async Task DeletingAMiddleRecord_AndRenumbering_IsDetected()
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options))
        {
            await AppendFiveAsync(log);
        }

        db.Tamper("""
            DELETE FROM decision_records WHERE sequence = 2;
            UPDATE decision_records SET sequence = sequence - 1 WHERE sequence > 2;
            """);
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync();
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Equal(ChainBreak.PreviousHashMismatch, verification.Reason);
    }

    [Fact]
    public async Task DeletingTheLastRecord_IsUndetectableWithoutAnAnchor()
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options))
        {
            await AppendFiveAsync(log);
        }

        db.Tamper("DELETE FROM decision_records WHERE sequence = 5;");
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync();

        // The documented limit: the shorter chain is a valid chain.
        Assert.True(verification.IsValid);
        Assert.Equal(4, verification.Count);
    }

    [Fact]
    public async Task DeletingTheLastRecord_IsDetectedWithAnAnchor()
    {
        using var db = new TempDatabase();
        ChainAnchor anchor;
        await using (var log = new DecisionLog(db.Options))
        {
            var records = await AppendFiveAsync(log);
            anchor = await log.GetAnchorAsync();
            Assert.Equal(5, anchor.Count);
            Assert.Equal(records[^1].Hash, anchor.HeadHash);
        }

        // Written in the board minutes, read back as text (upper case is accepted).
        var minutes = new ChainAnchor(anchor.Count, anchor.HeadHash.ToUpperInvariant());
        db.Tamper("DELETE FROM decision_records WHERE sequence = 5;");
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync(minutes);
        Assert.False(verification.IsValid);
        Assert.Equal(ChainBreak.Truncated, verification.Reason);
        Assert.Equal(5, verification.FirstBrokenSequence);
        Assert.Equal(4, verification.Count);
    }

    [Fact]
    public async Task Anchor_StaysValid_AsTheLogGrows_AndCatchesARewrittenHistory()
    {
        using var db = new TempDatabase();
        await using var log = new DecisionLog(db.Options);
        await log.AppendAsync(Draft(1));
        await log.AppendAsync(Draft(2));
        var anchor = await log.GetAnchorAsync();
        await log.AppendAsync(Draft(3));
        await log.AppendAsync(Draft(4));

        Assert.True((await log.VerifyAsync(anchor)).IsValid);

        // A chain rewritten with recomputed hashes looks valid on its own; the anchor disagrees.
        var rewritten = await log.VerifyAsync(new ChainAnchor(2, new string('a', 64)));
        Assert.False(rewritten.IsValid);
        Assert.Equal(ChainBreak.AnchorMismatch, rewritten.Reason);
        Assert.Equal(2, rewritten.FirstBrokenSequence);
    }

    [Fact]
    public void Anchor_RefusesMalformedValues()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChainAnchor(-1, new string('0', 64)));
        Assert.Throws<ArgumentException>(() => new ChainAnchor(3, "abc"));
        Assert.Throws<ArgumentException>(() => new ChainAnchor(3, new string('g', 64)));
        Assert.Throws<ArgumentException>(() => new ChainAnchor(0, new string('a', 64)));
    }

    [Fact]
    public async Task ReorderingRecords_IsDetected()
    {
        using var db = new TempDatabase();
        await using (var log = new DecisionLog(db.Options))
        {
            await AppendFiveAsync(log);
        }

        db.Tamper("""
            UPDATE decision_records SET sequence = -2 WHERE sequence = 2;
            UPDATE decision_records SET sequence = 2 WHERE sequence = 3;
            UPDATE decision_records SET sequence = 3 WHERE sequence = -2;
            """);
        await using var reopened = new DecisionLog(db.Options);
        var verification = await reopened.VerifyAsync();
        Assert.False(verification.IsValid);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Equal(ChainBreak.PreviousHashMismatch, verification.Reason);
        Assert.Equal(1, verification.Count);
    }

    [Fact]
    public async Task ConcurrentAppends_FromSeveralTasksAndLogs_ChainCorrectly()
    {
        using var db = new TempDatabase();
        await using var first = new DecisionLog(db.Options);
        await using var second = new DecisionLog(db.Options);
        await first.InitializeAsync();
        const int Tasks = 8;
        const int PerTask = 12;
        var stored = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var log = t % 2 == 0 ? first : second;
            var mine = new List<DecisionRecord>();
            for (var i = 0; i < PerTask; i++)
            {
                mine.Add(await log.AppendAsync(Draft((t * 100) + i, requiresApproval: i == 0)));
                if (i == 0)
                {
                    mine.Add(await log.ApproveAsync(mine[0].Id, "programme-officer-" + t));
                }
            }

            return mine;
        })));

        var all = stored.SelectMany(r => r).ToList();
        Assert.Equal(Tasks * (PerTask + 1), all.Count);
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(r => r.Sequence).Order());
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());

        var verification = await first.VerifyAsync();
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Equal(all.Count, verification.Count);
        Assert.Equal(all.MaxBy(r => r.Sequence)!.Hash, verification.HeadHash);
    }
}
