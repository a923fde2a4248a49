using System.Globalization;
using Nonprofit.Impact;

// Usage: Nonprofit.Impact.StoreCrashHost <database path> [rows] [rows before the signal]
// Appends one batch of <rows> measurements (event ids killed-0, killed-1, ...). After <rows before the signal>
// rows are inserted, still inside the transaction, it prints IN-TRANSACTION and waits to be killed. If nobody
// kills it within two minutes it exits with code 3, still without committing.
if (args.Length is < 1 or > 3)
{
    Console.Error.WriteLine("usage: Nonprofit.Impact.StoreCrashHost <database path> [rows] [rows before the signal]");
    return 2;
}

var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
var signalAfter = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : rows / 2;

var store = new SqliteImpactStore(new SqliteImpactStoreOptions { Path = args[0] });
store.AfterRowWritten = written =>
{
    if (written == signalAfter)
    {
        Console.Out.WriteLine("IN-TRANSACTION");
        Console.Out.Flush();
        Thread.Sleep(TimeSpan.FromMinutes(2));
        Environment.Exit(3);
    }
};

var batch = CrashBatch.Create(rows);
var written = await store.AppendAsync(batch);
Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"COMMITTED {written}"));
return 0;

/// <summary>The batch the host writes; the test builds the same one to re-append after the crash.</summary>
internal static class CrashBatch
{
    public static List<ImpactMeasurement> Create(int rows)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var batch = new List<ImpactMeasurement>(rows);
        for (var i = 0; i < rows; i++)
        {
            batch.Add(new ImpactMeasurement(
                string.Create(CultureInfo.InvariantCulture, $"killed-{i}"),
                "crash.batch",
                1,
                [new DimensionValue("sex", i % 2 == 0 ? "female" : "male"), new DimensionValue("age", "15-19")],
                start.AddSeconds(i)));
        }

        return batch;
    }
}
