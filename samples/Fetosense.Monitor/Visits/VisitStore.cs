using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Fetosense.Monitor.Visits;

/// <summary>
/// The visits kept on the device (SQLite, WAL, synchronous=FULL): a visit is written once, in one statement, and marked
/// synced only when the clinic has acknowledged it.
/// </summary>
internal sealed class VisitStore : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private VisitStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    public static async Task<VisitStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var store = new VisitStore(connection);
        await store.ExecuteAsync(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " +
            "CREATE TABLE IF NOT EXISTS visits (id TEXT PRIMARY KEY, recorded_utc INTEGER NOT NULL, payload TEXT NOT NULL, synced_utc INTEGER NULL);",
            cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>Adds a visit (a second add of the same id changes nothing).</summary>
    public async Task AddAsync(Visit visit, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO visits (id, recorded_utc, payload, synced_utc) VALUES ($id, $recorded, $payload, NULL) ON CONFLICT(id) DO NOTHING;";
        command.Parameters.AddWithValue("$id", visit.Id);
        command.Parameters.AddWithValue("$recorded", visit.RecordedAt.UtcTicks);
        command.Parameters.AddWithValue("$payload", visit.Payload);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The visits not yet acknowledged by the clinic, oldest first.</summary>
    public Task<IReadOnlyList<Visit>> PendingAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, recorded_utc, payload, synced_utc FROM visits WHERE synced_utc IS NULL ORDER BY recorded_utc, id;", cancellationToken);

    /// <summary>Every visit, oldest first.</summary>
    public Task<IReadOnlyList<Visit>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT id, recorded_utc, payload, synced_utc FROM visits ORDER BY recorded_utc, id;", cancellationToken);

    /// <summary>Marks a visit as acknowledged by the clinic.</summary>
    public async Task MarkSyncedAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "UPDATE visits SET synced_utc = $at WHERE id = $id AND synced_utc IS NULL;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.UtcTicks);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task<IReadOnlyList<Visit>> QueryAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var visits = new List<Visit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            visits.Add(new Visit(
                reader.GetString(0),
                new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero)));
        }

        return visits;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A visit id: a new GUID.</summary>
    public static string NewId() => Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
}
