using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Nonprofit.Impact.Tests.Storage;

public sealed class SqliteImpactStoreTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    // ---- Opening and schema ----

    [Fact]
    public async Task Initialize_CreatesVersionedSchemaInWalMode()
    {
        await using (var store = _db.Open())
        {
            await store.InitializeAsync();
        }

        Assert.Equal(1L, _db.Scalar("PRAGMA user_version"));
        Assert.Equal("wal", _db.Scalar("PRAGMA journal_mode"));
        Assert.Equal(2L, _db.Scalar("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('measurements', 'measurement_dimensions')"));
    }

    [Fact]
    public async Task Initialize_CreatesMissingFolder()
    {
        var path = Path.Combine(_db.Folder, "a", "b", "impact.db");
        await using (var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = path }))
        {
            Assert.Equal(1, await store.AppendAsync([M.Of("e1")]));
        }

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Open_NewerSchemaVersion_IsRefusedAndLeftUnchanged()
    {
        await using (var store = _db.Open())
        {
            await store.AppendAsync([M.Of("e1")]);
        }

        _db.Scalar("PRAGMA user_version = 2");
        SqliteConnection.ClearAllPools();

        await using var newer = _db.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => newer.InitializeAsync());
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Upgrade Nonprofit.Impact", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => newer.AppendAsync([M.Of("e2")]));
        Assert.Equal(2L, _db.Scalar("PRAGMA user_version"));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM measurements"));
    }

    [Fact]
    public async Task Open_DatabaseOfSomethingElse_IsRefused()
    {
        _db.Scalar("CREATE TABLE customers (id INTEGER PRIMARY KEY)");
        await using var store = _db.Open();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains("belongs to something else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Store_IsAppendOnly_EvenBelowTheApi()
    {
        await using (var store = _db.Open())
        {
            await store.AppendAsync([M.Of("e1", dimensions: ("sex", "female"))]);
        }

        Assert.Throws<SqliteException>(() => _db.Scalar("DELETE FROM measurements"));
        Assert.Throws<SqliteException>(() => _db.Scalar("UPDATE measurements SET value = 2"));
        Assert.Throws<SqliteException>(() => _db.Scalar("DELETE FROM measurement_dimensions"));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM measurements"));
    }

    // ---- Options ----

    [Theory]
    [InlineData(null, null, "Set exactly one of Path")]
    [InlineData("a.db", "Data Source=b.db", "Set exactly one of Path")]
    [InlineData(":memory:", null, "in-memory")]
    [InlineData(null, "Data Source=:memory:", "in-memory")]
    [InlineData(null, "Data Source=x;Mode=Memory", "in-memory")]
    [InlineData(null, "Data Source=x.db;Mode=ReadOnly", "read-only")]
    [InlineData(null, "Data Source=x.db;Password=secret;Colour=blue", "not a valid")]
    public void Options_Invalid_ThrowArgumentException(string? path, string? connectionString, string expected)
    {
        var options = new SqliteImpactStoreOptions { Path = path, ConnectionString = connectionString };
        var error = Assert.Throws<ArgumentException>(() => new SqliteImpactStore(options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);

        var result = new SqliteImpactStoreOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var exception = new OptionsValidationException(string.Empty, typeof(SqliteImpactStoreOptions), result.Failures);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BusyTimeoutOutOfRange_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => new SqliteImpactStore(new SqliteImpactStoreOptions { Path = "x.db", BusyTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.Contains("BusyTimeout", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new SqliteImpactStore(null!));
    }

    [Fact]
    public async Task Options_ConnectionString_Works()
    {
        var options = new SqliteImpactStoreOptions { ConnectionString = $"Data Source={_db.DatabasePath}" };
        Assert.True(new SqliteImpactStoreOptionsValidator().Validate(null, options).Succeeded);
        await using var store = new SqliteImpactStore(options);
        Assert.Equal(1, await store.AppendAsync([M.Of("e1")]));
        Assert.Equal(1L, _db.Scalar("SELECT COUNT(*) FROM measurements"));
    }

    // ---- Idempotence ----

    [Fact]
    public async Task Append_SameEventTwiceInOneBatch_CountsOnce()
    {
        await using var store = _db.Open();
        var written = await store.AppendAsync([M.Of("e1", value: 5), M.Of("e2"), M.Of("e1", value: 7)]);
        Assert.Equal(2, written);
        var all = await store.AllAsync();
        Assert.Equal(2, all.Count);
        Assert.Equal(5, all.Single(m => m.EventId == "e1").Value); // the first stored version wins
    }

    [Fact]
    public async Task Append_RetriedBatch_CountsNothingTwice()
    {
        await using var store = _db.Open();
        Assert.Equal(3, await store.AppendAsync(M.Batch("a", 3)));
        Assert.Equal(0, await store.AppendAsync(M.Batch("a", 3)));
        Assert.Equal(2, await store.AppendAsync(M.Batch("a", 5))); // a-3, a-4 are new
        Assert.Equal(5, (await store.AllAsync()).Count);
    }

    [Fact]
    public async Task Append_AcrossReopen_IsIdempotent()
    {
        await using (var first = _db.Open())
        {
            Assert.Equal(10, await first.AppendAsync(M.Batch("r", 10)));
        }

        SqliteConnection.ClearAllPools();
        await using (var second = _db.Open())
        {
            Assert.Equal(0, await second.AppendAsync(M.Batch("r", 10)));
            Assert.Equal(1, await second.AppendAsync(M.Batch("r", 11)));
            Assert.Equal(11, (await second.AllAsync()).Count);
        }
    }

    [Fact]
    public async Task Append_EmptyBatch_WritesNothing()
    {
        await using var store = _db.Open();
        Assert.Equal(0, await store.AppendAsync([]));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.AppendAsync(null!));
    }

    // ---- Validation: nothing of a bad batch is written ----

    public static TheoryData<ImpactMeasurement, string> BadMeasurements => new()
    {
        { M.Of(""), "EventId is required" },
        { M.Of("   "), "EventId is required" },
        { M.Of(new string('e', 201)), "longer than 200" },
        { M.Of("e", indicatorId: "bad id"), "IndicatorId is not a valid indicator id" },
        { M.Of("e", indicatorId: ""), "IndicatorId is not a valid indicator id" },
        { M.Of("e", value: double.NaN), "not a finite number" },
        { M.Of("e", value: double.PositiveInfinity), "not a finite number" },
        { M.Of("e", dimensions: [("sex", "female"), ("sex", "male")]), "dimension 'sex' has more than one value" },
        { M.Of("e", dimensions: ("", "female")), "Dimensions[0] has no name" },
        { M.Of("e", dimensions: ("sex", " ")), "dimension 'sex' has no value" },
        { new ImpactMeasurement("e", "ind.1", 1, null!, M.T0), "Dimensions is null" },
        { new ImpactMeasurement("e", "ind.1", 1, [null!], M.T0), "Dimensions[0] has no name" },
    };

    [Theory]
    [MemberData(nameof(BadMeasurements))]
    public async Task Append_InvalidMeasurement_WritesNothing(ImpactMeasurement bad, string expected)
    {
        await using var store = _db.Open();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([M.Of("good-1"), M.Of("good-2"), bad]));
        Assert.Equal("batch", error.ParamName);
        Assert.Contains("batch[2]", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.AllAsync());
    }

    [Fact]
    public async Task Append_NullMeasurement_WritesNothing()
    {
        await using var store = _db.Open();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([M.Of("good-1"), null!]));
        Assert.Contains("batch[1]: is null", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.AllAsync());
    }

    [Theory]
    [InlineData("+254 712 345 678", "a phone number")]
    [InlineData("jane@example.org", "an e-mail address")]
    [InlineData("0712345678", "a phone number")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "an IBAN")]
    [InlineData("4111 1111 1111 1111", "a payment card number")]
    public async Task Append_PersonalDimensionValue_IsRejectedWithoutTheValue(string value, string kind)
    {
        var logger = new ListLogger<SqliteImpactStore>();
        await using var store = _db.Open(logger);
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => store.AppendAsync([M.Of("ok-1", dimensions: ("sex", "female")), M.Of("ok-2", dimensions: [("sex", "male"), ("contact", value)])]));
        Assert.Contains("batch[1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("'contact'", error.Message, StringComparison.Ordinal);
        Assert.Contains(kind, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
        Assert.All(logger.Messages, message => Assert.DoesNotContain(value, message, StringComparison.Ordinal));
        Assert.Empty(await store.AllAsync());
    }

    [Theory]
    [InlineData("jane@example.org")]
    [InlineData("+254712345678")]
    public async Task Append_PersonalEventId_IsRejectedWithoutTheValue(string eventId)
    {
        await using var store = _db.Open();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([M.Of("ok"), M.Of(eventId)]));
        Assert.Contains("batch[1]: EventId looks like personal data", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(eventId, error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.AllAsync());
    }

    [Fact]
    public async Task Append_PersonalDimensionName_IsRejectedWithoutTheName()
    {
        await using var store = _db.Open();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([M.Of("ok", dimensions: [("sex", "female"), ("jane@example.org", "yes")])]));
        Assert.Contains("batch[0]: Dimensions[1] has a name that looks like personal data (an e-mail address)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.AllAsync());
    }

    [Fact]
    public async Task Append_CategoryValuesAndGuidIds_AreAccepted()
    {
        await using var store = _db.Open();
        string[] values = ["KE-047", "15-19", "female", "2024-Q1", "r1.i1"];
        var batch = values
            .Select(v => M.Of(Guid.NewGuid().ToString(), dimensions: ("d", v)))
            .ToList();
        Assert.Equal(5, await store.AppendAsync(batch));
    }

    // ---- Queries ----

    private async Task<SqliteImpactStore> SeededAsync()
    {
        var store = _db.Open();
        await store.AppendAsync(
        [
            M.Of("e1", "girls.enrolled", 1, M.T0.AddDays(0), ("sex", "female"), ("age", "10-14"), ("district", "KE-047")),
            M.Of("e2", "girls.enrolled", 1, M.T0.AddDays(1), ("age", "15-19"), ("sex", "female"), ("district", "KE-047")),
            M.Of("e3", "girls.enrolled", 1, M.T0.AddDays(2), ("sex", "male"), ("age", "15-19"), ("district", "KE-001")),
            M.Of("e4", "wells.built", 2, M.T0.AddDays(3), ("district", "KE-047")),
            M.Of("e5", "girls.enrolled", 1, M.T0.AddDays(4), ("sex", "female"), ("age", "15-19"), ("district", "KE-001")),
        ]);
        return store;
    }

    [Fact]
    public async Task Query_ByIndicator()
    {
        await using var store = await SeededAsync();
        var ids = (await store.AllAsync(new MeasurementQuery { IndicatorId = "girls.enrolled" })).Select(m => m.EventId);
        Assert.Equal(["e1", "e2", "e3", "e5"], ids);
        Assert.Empty(await store.AllAsync(new MeasurementQuery { IndicatorId = "unknown" }));
    }

    [Fact]
    public async Task Query_ByPeriod_IsHalfOpen()
    {
        await using var store = await SeededAsync();
        var query = new MeasurementQuery { From = M.T0.AddDays(1), To = M.T0.AddDays(3) };
        Assert.Equal(["e2", "e3"], (await store.AllAsync(query)).Select(m => m.EventId));

        // The same instants given in another offset select the same rows.
        var shifted = new MeasurementQuery { From = M.T0.AddDays(1).ToOffset(TimeSpan.FromHours(3)), To = M.T0.AddDays(3).ToOffset(TimeSpan.FromHours(-5)) };
        Assert.Equal(["e2", "e3"], (await store.AllAsync(shifted)).Select(m => m.EventId));
        Assert.Equal(["e4", "e5"], (await store.AllAsync(new MeasurementQuery { From = M.T0.AddDays(3) })).Select(m => m.EventId));
        Assert.Equal(["e1"], (await store.AllAsync(new MeasurementQuery { To = M.T0.AddDays(1) })).Select(m => m.EventId));
    }

    [Fact]
    public async Task Query_ByDimensions_AllMustHold()
    {
        await using var store = await SeededAsync();
        var female = new MeasurementQuery { Dimensions = { new DimensionValue("sex", "female") } };
        Assert.Equal(["e1", "e2", "e5"], (await store.AllAsync(female)).Select(m => m.EventId));

        var femaleTeens = new MeasurementQuery { IndicatorId = "girls.enrolled", Dimensions = { new("age", "15-19"), new("sex", "female") } };
        Assert.Equal(["e2", "e5"], (await store.AllAsync(femaleTeens)).Select(m => m.EventId));

        var three = new MeasurementQuery { Dimensions = { new("district", "KE-047"), new("age", "15-19"), new("sex", "female") } };
        Assert.Equal(["e2"], (await store.AllAsync(three)).Select(m => m.EventId));

        var district = new MeasurementQuery { Dimensions = { new("district", "KE-047") }, From = M.T0.AddDays(1) };
        Assert.Equal(["e2", "e4"], (await store.AllAsync(district)).Select(m => m.EventId));

        var contradictory = new MeasurementQuery { Dimensions = { new("sex", "female"), new("sex", "male") } };
        Assert.Empty(await store.AllAsync(contradictory));
    }

    [Fact]
    public async Task Query_ReturnsCanonicalMeasurements_InTimestampOrder()
    {
        await using var store = _db.Open();
        var local = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(3));
        await store.AppendAsync(
        [
            M.Of("late", "x", 2.5, local.AddHours(1), ("sex", "female"), ("age", "15-19")),
            M.Of("early", "x", -1, local, ("zone", "rural"), ("a", "1")),
            M.Of("tie", "x", 0, local, ("name with spaces", "ünïcödé \"quoted\" value")),
        ]);

        var all = await store.AllAsync();
        Assert.Equal(["early", "tie", "late"], all.Select(m => m.EventId));
        Assert.Equal(local.UtcDateTime, all[0].Timestamp.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, all[0].Timestamp.Offset);
        Assert.Equal(2.5, all[2].Value);
        Assert.Equal([new DimensionValue("age", "15-19"), new DimensionValue("sex", "female")], all[2].Dimensions);
        Assert.Equal([new DimensionValue("a", "1"), new DimensionValue("zone", "rural")], all[0].Dimensions);
        Assert.Equal([new DimensionValue("name with spaces", "ünïcödé \"quoted\" value")], all[1].Dimensions);

        var unicode = new MeasurementQuery { Dimensions = { new("name with spaces", "ünïcödé \"quoted\" value") } };
        Assert.Equal(["tie"], (await store.AllAsync(unicode)).Select(m => m.EventId));
        Assert.Equal("{\"age\":\"15-19\",\"sex\":\"female\"}", _db.Scalar("SELECT dimensions FROM measurements WHERE event_id = 'late'"));
    }

    [Fact]
    public async Task Query_ByDimension_RunsInSqlOnTheIndex()
    {
        await using var store = await SeededAsync();
        var filter = SqliteImpactStore.QueryFilter.Create(new MeasurementQuery { IndicatorId = "girls.enrolled", Dimensions = { new("sex", "female") } });
        using var connection = _db.OpenRaw();
        using var command = connection.CreateCommand();
        filter.Apply(command, "EXPLAIN QUERY PLAN " + SqliteImpactStore.SelectColumns, " ORDER BY m.timestamp_ticks, m.id");
        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, plan));
        Assert.Contains(plan, step => step.Contains("measurement_dimensions", StringComparison.Ordinal) && step.Contains("INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN m", StringComparison.Ordinal) || step.StartsWith("SCAN d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Query_Invalid_ThrowsBeforeEnumerating()
    {
        await using var store = _db.Open();
        Assert.Throws<ArgumentNullException>(() => store.QueryAsync(null!));
        Assert.Throws<ArgumentException>(() => store.QueryAsync(new MeasurementQuery { IndicatorId = "not valid" }));
        Assert.Throws<ArgumentException>(() => store.QueryAsync(new MeasurementQuery { From = M.T0.AddDays(1), To = M.T0 }));
        var error = Assert.Throws<ArgumentException>(() => store.QueryAsync(new MeasurementQuery { Dimensions = { new("sex", "") } }));
        Assert.Contains("query.Dimensions[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_Streams_AndStopsEarly()
    {
        await using var store = _db.Open();
        await store.AppendAsync(M.Batch("s", 5000));
        var seen = 0;
        await foreach (var m in store.QueryAsync(new MeasurementQuery()))
        {
            if (++seen == 10)
            {
                break;
            }
        }

        Assert.Equal(10, seen);
        Assert.Equal(1, await store.AppendAsync([M.Of("after-break")])); // the reader released the database
    }

    [Fact]
    public async Task Summarize_ComputesInSql()
    {
        await using var store = await SeededAsync();
        var girls = await store.SummarizeAsync(new MeasurementQuery { IndicatorId = "girls.enrolled", Dimensions = { new("sex", "female") } });
        Assert.Equal(new MeasurementSummary(3, 3, 1, 1), girls);
        Assert.Equal(1, girls.Mean);
        var all = await store.SummarizeAsync(new MeasurementQuery());
        Assert.Equal(new MeasurementSummary(5, 6, 1, 2), all);
        var none = await store.SummarizeAsync(new MeasurementQuery { IndicatorId = "nothing" });
        Assert.Equal(new MeasurementSummary(0, 0, null, null), none);
        Assert.Null(none.Mean);
    }

    // ---- Cancellation ----

    [Fact]
    public async Task Append_Cancelled_BeforeStart_WritesNothing()
    {
        await using var store = _db.Open();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(M.Batch("c", 10), cts.Token));
        Assert.Empty(await store.AllAsync());
    }

    [Fact]
    public async Task Append_CancelledMidBatch_WritesNothing_AndCanBeRetried()
    {
        var logger = new ListLogger<SqliteImpactStore>();
        await using var store = _db.Open(logger);
        await store.AppendAsync(M.Batch("before", 3));
        using var cts = new CancellationTokenSource();
        store.AfterRowWritten = written =>
        {
            if (written == 500)
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(M.Batch("mid", 1000), cts.Token));
        store.AfterRowWritten = null;
        Assert.Equal(3, (await store.AllAsync()).Count);
        Assert.Equal(0L, _db.Scalar("SELECT COUNT(*) FROM measurement_dimensions"));
        Assert.Contains(logger.Messages, m => m.Contains("rolled back", StringComparison.Ordinal));

        Assert.Equal(1000, await store.AppendAsync(M.Batch("mid", 1000)));
    }

    [Fact]
    public async Task Query_Cancelled_Throws()
    {
        await using var store = _db.Open();
        await store.AppendAsync(M.Batch("q", 100));
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var m in store.QueryAsync(new MeasurementQuery(), cts.Token))
            {
                if (++seen == 5)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(5, seen);
    }

    // ---- Concurrency ----

    [Fact]
    public async Task Append_FromFourThreads_CountsExactly()
    {
        await using var store = _db.Open();
        const int Threads = 4;
        const int PerThread = 1000;
        var newCounts = new int[Threads];
        using var stop = new CancellationTokenSource();
        var readerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A reader runs while the writers write: it never fails and never sees the count go back.
        var reader = Task.Run(async () =>
        {
            var reads = 0;
            var last = 0L;
            do
            {
                var count = (await store.SummarizeAsync(new MeasurementQuery())).Count;
                Assert.True(count >= last);
                last = count;
                reads++;
                readerStarted.TrySetResult();
            }
            while (!stop.IsCancellationRequested);

            return reads;
        });

        await readerStarted.Task;
        var writers = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (var b = 0; b < PerThread / 50; b++)
            {
                // Each batch: 50 events of this thread, plus 10 events another thread also writes (a retry race).
                var batch = Enumerable.Range(b * 50, 50).Select(i => M.Of($"t{t}-{i}")).ToList();
                var shared = Enumerable.Range(b * 10, 10).Select(i => M.Of($"t{(t + 1) % Threads}-{i}"));
                newCounts[t] += await store.AppendAsync(b % 2 == 0 ? batch : [.. batch, .. shared]);
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        var reads = await reader;
        output.WriteLine($"{reads} concurrent reads");

        Assert.Equal(Threads * PerThread, newCounts.Sum());
        Assert.Equal(Threads * PerThread, (await store.SummarizeAsync(new MeasurementQuery())).Count);
        Assert.Equal(Threads * PerThread, (await store.AllAsync()).Select(m => m.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Append_FromTwoStoresOnOneFile_CountsExactly()
    {
        await using var a = _db.Open();
        await using var b = _db.Open();
        var results = await Task.WhenAll(
            Task.Run(() => a.AppendAsync(M.Batch("shared", 2000))),
            Task.Run(() => b.AppendAsync(M.Batch("shared", 2000))));
        Assert.Equal(2000, results.Sum());
    }

    // ---- Disposal ----

    [Fact]
    public async Task Disposed_Throws()
    {
        var store = _db.Open();
        await store.AppendAsync([M.Of("e1")]);
        await store.DisposeAsync();
        await store.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync([M.Of("e2")]));
        Assert.Throws<ObjectDisposedException>(() => store.QueryAsync(new MeasurementQuery()));
    }

    // ---- Throughput (informal, printed) ----

    [Fact]
    public async Task Append_TenThousandBatch_Throughput()
    {
        await using var store = _db.Open();
        await store.AppendAsync([M.Of("warm-up", "throughput", dimensions: ("sex", "female"))]); // JIT the write path
        var batch = Enumerable.Range(0, 10_000)
            .Select(i => M.Of($"tp-{i}", "throughput", i, M.T0.AddSeconds(i), ("sex", i % 2 == 0 ? "female" : "male"), ("age", "15-19"), ("district", "KE-047")))
            .ToList();
        var started = Stopwatch.GetTimestamp();
        Assert.Equal(10_000, await store.AppendAsync(batch));
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"10,000 measurements x 3 dimensions in one batch: {elapsed.TotalMilliseconds:F0} ms, {10_000 / elapsed.TotalSeconds:F0} rows/s");

        started = Stopwatch.GetTimestamp();
        Assert.Equal(0, await store.AppendAsync(batch));
        elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"same batch retried (all duplicates): {elapsed.TotalMilliseconds:F0} ms");

        started = Stopwatch.GetTimestamp();
        var count = 0;
        await foreach (var m in store.QueryAsync(new MeasurementQuery { IndicatorId = "throughput", Dimensions = { new("sex", "female") } }))
        {
            count++;
        }

        elapsed = Stopwatch.GetElapsedTime(started);
        Assert.Equal(5001, count);
        output.WriteLine($"query by indicator and one dimension, 5,001 rows streamed: {elapsed.TotalMilliseconds:F0} ms");

        started = Stopwatch.GetTimestamp();
        for (var i = 0; i < 50; i++)
        {
            await store.AppendAsync([M.Of($"single-{i}", "throughput")]);
        }

        elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"50 single-measurement batches (one fsync each): {elapsed.TotalMilliseconds / 50:F2} ms per batch");
    }
}
