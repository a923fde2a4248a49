using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Nonprofit.Impact.Tests.Storage;

/// <summary>A database file in a fresh temporary folder, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "nonprofit-impact-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "impact.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    public SqliteImpactStore Open(ILogger<SqliteImpactStore>? logger = null) =>
        new(new SqliteImpactStoreOptions { Path = DatabasePath }, logger);

    /// <summary>A plain connection to the same file, for checks the store's API does not offer.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: the OS temp folder cleans it up later.
        }
    }
}

/// <summary>Builds measurements for the tests.</summary>
internal static class M
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ImpactMeasurement Of(string eventId, string indicatorId = "ind.1", double value = 1, DateTimeOffset? at = null, params (string Name, string Value)[] dimensions) =>
        new(eventId, indicatorId, value, dimensions.Select(d => new DimensionValue(d.Name, d.Value)).ToList(), at ?? T0);

    public static List<ImpactMeasurement> Batch(string prefix, int count, string indicatorId = "ind.1") =>
        Enumerable.Range(0, count).Select(i => Of($"{prefix}-{i}", indicatorId, 1, T0.AddMinutes(i))).ToList();

    public static async Task<List<ImpactMeasurement>> AllAsync(this IImpactStore store, MeasurementQuery? query = null, CancellationToken cancellationToken = default)
    {
        var result = new List<ImpactMeasurement>();
        await foreach (var m in store.QueryAsync(query ?? new MeasurementQuery(), cancellationToken))
        {
            result.Add(m);
        }

        return result;
    }
}

/// <summary>Keeps every formatted log message.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Messages)
        {
            Messages.Add(formatter(state, exception) + (exception is null ? string.Empty : " | " + exception.Message));
        }
    }
}
