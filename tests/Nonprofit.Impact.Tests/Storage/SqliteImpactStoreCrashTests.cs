using Xunit.Abstractions;

namespace Nonprofit.Impact.Tests.Storage;

/// <summary>A process killed inside an append transaction leaves nothing of that batch, and nothing broken.</summary>
public sealed class SqliteImpactStoreCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rows = 100_000;
    private const int SignalAfter = 60_000;

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task KilledMidBatch_LeavesNoPartialData()
    {
        await CommitFirstBatchThenKillHostAsync();

        await using var store = _db.Open();
        Assert.Equal(100, (await store.SummarizeAsync(new MeasurementQuery { IndicatorId = "before.crash" })).Count);
        Assert.Equal(0, (await store.SummarizeAsync(new MeasurementQuery { IndicatorId = "crash.batch" })).Count);
        Assert.Equal(100L, _db.Scalar("SELECT COUNT(*) FROM measurements"));
        Assert.Equal(200L, _db.Scalar("SELECT COUNT(*) FROM measurement_dimensions"));
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check"));
        Assert.Equal(1L, _db.Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task KilledBatch_CanBeAppendedAgain_AndCountsOnce()
    {
        await CommitFirstBatchThenKillHostAsync();

        await using var store = _db.Open();
        var batch = CrashHost.Batch(Rows);
        Assert.Equal(Rows, await store.AppendAsync(batch));
        Assert.Equal(0, await store.AppendAsync(batch));
        Assert.Equal(Rows + 100L, (await store.SummarizeAsync(new MeasurementQuery())).Count);
        Assert.Equal(Rows / 2, (await store.SummarizeAsync(new MeasurementQuery { IndicatorId = "crash.batch", Dimensions = { new("sex", "female") } })).Count);
        Assert.Equal("ok", _db.Scalar("PRAGMA integrity_check"));
    }

    private async Task CommitFirstBatchThenKillHostAsync()
    {
        await using (var store = _db.Open())
        {
            var first = Enumerable.Range(0, 100)
                .Select(i => M.Of($"before-{i}", "before.crash", 1, M.T0.AddMinutes(i), ("sex", "female"), ("age", "15-19")))
                .ToList();
            Assert.Equal(100, await store.AppendAsync(first));
        }

        await CrashHost.KillInsideTransactionAsync(_db.DatabasePath, Rows, SignalAfter);

        // Uncommitted pages the host spilled to the write-ahead log before it died must be ignored on reopen.
        var wal = new FileInfo(_db.DatabasePath + "-wal");
        output.WriteLine($"WAL after the kill: {(wal.Exists ? wal.Length : 0):N0} bytes");
    }
}
