using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nonprofit.Impact;

/// <summary>
/// The embedded default <see cref="IImpactStore"/>: an append-only SQLite database file.
/// </summary>
/// <remarks>
/// <para>
/// <b>Durability over speed.</b> The database runs in WAL journal mode with <c>synchronous=FULL</c>: when
/// <see cref="AppendAsync"/> returns, the batch is on disk and survives a crash of the process or of the machine
/// (power loss included). A batch is one transaction: a crash, an error or a cancellation part-way through leaves
/// nothing of it. Readers never block the writer and see only committed batches.
/// </para>
/// <para>
/// <b>Idempotent.</b> Each measurement's <see cref="ImpactMeasurement.EventId"/> is unique in the database; an
/// event already stored (from an earlier batch, an earlier run of the process, or earlier in the same batch) is
/// skipped and not counted, so a retried batch never counts twice. The first stored version of an event wins.
/// </para>
/// <para>
/// <b>No personal data.</b> Every measurement is checked before anything is written: event ids and dimension
/// values that look like an e-mail address, a phone number, a payment card or an IBAN are refused with an
/// <see cref="ArgumentException"/> that names the batch index and the dimension, never the value.
/// </para>
/// <para>
/// <b>Append-only.</b> There is no update or delete; triggers in the database refuse them too. Dimensions are
/// stored canonically (sorted by name, ordinal) and indexed, so queries by dimension run in SQL; timestamps are
/// stored as UTC ticks and read back in UTC.
/// </para>
/// <para>
/// Thread-safe: appends are serialised inside the store (SQLite has one writer at a time; other processes wait up
/// to <see cref="SqliteImpactStoreOptions.BusyTimeout"/>); queries run concurrently, each on its own pooled
/// connection. A query streams from a database snapshot while it is enumerated: enumerate promptly, since a
/// long-open query keeps the write-ahead log from being checkpointed.
/// </para>
/// </remarks>
public sealed class SqliteImpactStore : IImpactStore
{
    /// <summary>The schema version this code writes (SQLite <c>PRAGMA user_version</c>).</summary>
    internal const int SchemaVersion = 1;

    internal const string SelectColumns =
        "SELECT m.event_id, m.indicator_id, m.value, m.timestamp_ticks, m.dimensions FROM measurements AS m";

    private const string SchemaV1 = """
        CREATE TABLE measurements (
            id              INTEGER PRIMARY KEY,
            event_id        TEXT    NOT NULL,
            indicator_id    TEXT    NOT NULL,
            value           REAL    NOT NULL,
            timestamp_ticks INTEGER NOT NULL,
            dimensions      TEXT    NOT NULL,
            CONSTRAINT uq_measurements_event_id UNIQUE (event_id)
        ) STRICT;
        CREATE INDEX ix_measurements_indicator_time ON measurements (indicator_id, timestamp_ticks);
        CREATE INDEX ix_measurements_time ON measurements (timestamp_ticks);
        CREATE TABLE measurement_dimensions (
            measurement_id INTEGER NOT NULL REFERENCES measurements (id),
            name           TEXT    NOT NULL,
            value          TEXT    NOT NULL,
            PRIMARY KEY (measurement_id, name)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX ix_measurement_dimensions_name_value ON measurement_dimensions (name, value, measurement_id);
        CREATE TRIGGER measurements_append_only_update BEFORE UPDATE ON measurements
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        CREATE TRIGGER measurements_append_only_delete BEFORE DELETE ON measurements
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        CREATE TRIGGER measurement_dimensions_append_only_update BEFORE UPDATE ON measurement_dimensions
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        CREATE TRIGGER measurement_dimensions_append_only_delete BEFORE DELETE ON measurement_dimensions
            BEGIN SELECT RAISE(ABORT, 'measurements are append-only'); END;
        """;

    private readonly SqliteDatabase _database;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _initializeLock = new(1, 1);
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Creates a store on the database the options name. Nothing is opened until first use or <see cref="InitializeAsync"/>.</summary>
    /// <param name="options">Where the database is.</param>
    /// <param name="logger">Receives counts and durations (never a value); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message says which and why).</exception>
    public SqliteImpactStore(SqliteImpactStoreOptions options, ILogger<SqliteImpactStore>? logger = null)
    {
        _database = new SqliteDatabase(options);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Test hook: called inside the write transaction after each row, with the number of rows written so far.</summary>
    internal Action<int>? AfterRowWritten { get; set; }

    /// <summary>
    /// Opens the database now, creating the schema in a new database or checking the version of an existing one.
    /// The first append or query does this otherwise; call it at start-up to fail early.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for the database.</param>
    /// <returns>A task that completes when the database is ready.</returns>
    /// <exception cref="InvalidOperationException">The database was written by a newer version of this package, or belongs to something else.</exception>
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return EnsureInitializedAsync(cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A measurement is invalid or looks like it holds personal data; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">The write was cancelled; nothing was written.</exception>
    public async Task<int> AppendAsync(IReadOnlyList<ImpactMeasurement> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var prepared = MeasurementValidation.Prepare(batch);
        cancellationToken.ThrowIfCancellationRequested();
        if (prepared.Length == 0)
        {
            return 0;
        }

        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var started = Stopwatch.GetTimestamp();
            var written = Write(prepared, cancellationToken);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                var elapsed = Stopwatch.GetElapsedTime(started);
                SqliteImpactStoreLog.BatchAppended(_logger, prepared.Length, written, elapsed.TotalMilliseconds);
            }
            return written;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>Measurements with the same timestamp come in the order they were stored. Dimensions come sorted by name.</remarks>
    /// <exception cref="ArgumentException">The query is invalid (a bad indicator id, an empty dimension, <c>From</c> after <c>To</c>).</exception>
    public IAsyncEnumerable<ImpactMeasurement> QueryAsync(MeasurementQuery query, CancellationToken cancellationToken = default)
    {
        var filter = QueryFilter.Create(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return ReadAsync(filter, cancellationToken);
    }

    /// <summary>Counts and totals the measurements matching <paramref name="query"/> in SQL, without reading them.</summary>
    /// <param name="query">The conditions.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The count, sum, minimum and maximum of the values.</returns>
    /// <exception cref="ArgumentException">The query is invalid.</exception>
    public async Task<MeasurementSummary> SummarizeAsync(MeasurementQuery query, CancellationToken cancellationToken = default)
    {
        var filter = QueryFilter.Create(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            filter.Apply(command, "SELECT COUNT(*), TOTAL(m.value), MIN(m.value), MAX(m.value) FROM measurements AS m", string.Empty);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new MeasurementSummary(
                    reader.GetInt64(0),
                    reader.GetDouble(1),
                    reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3));
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Computed in SQL (one indexed pass, grouped by the canonical dimensions column), without reading the measurements.</remarks>
    public async Task<IReadOnlyList<MeasurementGroup>> GroupAsync(MeasurementQuery query, bool byDimensions, CancellationToken cancellationToken = default)
    {
        var filter = QueryFilter.Create(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();

            // SQLite returns the bare column m.value from the row that holds MAX(m.timestamp_ticks).
            filter.Apply(
                command,
                (byDimensions ? "SELECT m.dimensions" : "SELECT '{}'") +
                ", COUNT(*), TOTAL(m.value), MAX(m.timestamp_ticks), m.value, COUNT(DISTINCT m.value) FROM measurements AS m",
                byDimensions ? " GROUP BY m.dimensions" : string.Empty);
            var groups = new List<MeasurementGroup>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var count = reader.GetInt64(1);
                    if (count == 0)
                    {
                        continue;
                    }

                    groups.Add(new MeasurementGroup(
                        MeasurementValidation.FromJson(reader.GetString(0)),
                        count,
                        reader.GetDouble(2),
                        reader.GetDouble(4),
                        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                        reader.GetInt64(5)));
                }
            }

            groups.Sort(static (a, b) => string.CompareOrdinal(GroupOrder.Key(a.Dimensions), GroupOrder.Key(b.Dimensions)));
            return groups;
        }
    }

    /// <summary>Waits for a write in progress, then closes the database's pooled connections.</summary>
    /// <returns>A task that completes when the store is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            _database.ClearPool();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private int Write(PreparedMeasurement[] batch, CancellationToken cancellationToken)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: take the write lock now
        try
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO measurements (event_id, indicator_id, value, timestamp_ticks, dimensions)
                VALUES ($event_id, $indicator_id, $value, $timestamp_ticks, $dimensions)
                ON CONFLICT (event_id) DO NOTHING
                RETURNING id
                """;
            var eventId = insert.Parameters.Add("$event_id", SqliteType.Text);
            var indicatorId = insert.Parameters.Add("$indicator_id", SqliteType.Text);
            var value = insert.Parameters.Add("$value", SqliteType.Real);
            var ticks = insert.Parameters.Add("$timestamp_ticks", SqliteType.Integer);
            var dimensions = insert.Parameters.Add("$dimensions", SqliteType.Text);

            // One statement per measurement for all its dimensions: the canonical JSON object, unpacked in SQL.
            using var insertDimensions = connection.CreateCommand();
            insertDimensions.Transaction = transaction;
            insertDimensions.CommandText = """
                INSERT INTO measurement_dimensions (measurement_id, name, value)
                SELECT $id, key, value FROM json_each($dimensions)
                """;
            var dimensionsMeasurement = insertDimensions.Parameters.Add("$id", SqliteType.Integer);
            var dimensionsJson = insertDimensions.Parameters.Add("$dimensions", SqliteType.Text);

            var written = 0;
            for (var i = 0; i < batch.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var m = batch[i];
                eventId.Value = m.EventId;
                indicatorId.Value = m.IndicatorId;
                value.Value = m.Value;
                ticks.Value = m.UtcTicks;
                dimensions.Value = m.DimensionsJson;

                // RETURNING gives the new row's id, or no row when the event is already stored.
                if (insert.ExecuteScalar() is long id)
                {
                    written++;
                    if (m.Dimensions.Length > 0)
                    {
                        dimensionsMeasurement.Value = id;
                        dimensionsJson.Value = m.DimensionsJson;
                        insertDimensions.ExecuteNonQuery();
                    }
                }

                AfterRowWritten?.Invoke(i + 1);
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return written;
        }
        catch
        {
            SqliteImpactStoreLog.BatchRolledBack(_logger, batch.Length);
            throw; // disposing the transaction rolls it back
        }
    }

    private async IAsyncEnumerable<ImpactMeasurement> ReadAsync(QueryFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            filter.Apply(command, SelectColumns, " ORDER BY m.timestamp_ticks, m.id");
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return new ImpactMeasurement(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetDouble(2),
                        MeasurementValidation.FromJson(reader.GetString(4)),
                        new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero));
                }
            }
        }
    }

    private async ValueTask EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized)
        {
            return;
        }

        await _initializeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_initialized)
            {
                return;
            }

            if (!string.IsNullOrEmpty(_database.DirectoryToCreate))
            {
                Directory.CreateDirectory(_database.DirectoryToCreate);
            }

            using var connection = OpenConnection();
            var created = Initialize(connection);
            SqliteImpactStoreLog.Opened(_logger, SchemaVersion, created);
            _initialized = true;
        }
        finally
        {
            _initializeLock.Release();
        }
    }

    /// <summary>Switches to WAL and creates or checks the schema in one immediate transaction.</summary>
    /// <returns>Whether the schema was created.</returns>
    private bool Initialize(SqliteConnection connection)
    {
        // Persistent in the file; a no-op when it is already WAL. It cannot change inside a transaction.
        var journalMode = Scalar(connection, null, "PRAGMA journal_mode = WAL") as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            SqliteImpactStoreLog.NotWal(_logger, journalMode ?? "unknown");
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt64(Scalar(connection, transaction, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The impact store database has schema version {version}, newer than this version of Nonprofit.Impact supports ({SchemaVersion}). Upgrade Nonprofit.Impact to open it; the database was not changed."));
        }

        if (version == SchemaVersion)
        {
            transaction.Commit();
            return false;
        }

        var tables = Convert.ToInt64(Scalar(connection, transaction, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'"), CultureInfo.InvariantCulture);
        if (tables > 0)
        {
            throw new InvalidOperationException(
                "The database has tables but no impact store schema version (PRAGMA user_version is 0): it belongs to something else. Give the impact store its own database file; the database was not changed.");
        }

        Execute(connection, transaction, SchemaV1);
        Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {SchemaVersion}"));
        transaction.Commit();
        return true;
    }

    private SqliteConnection OpenConnection() => _database.Open();

    private Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql) => SqliteDatabase.Scalar(connection, transaction, sql);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql) => SqliteDatabase.Execute(connection, transaction, sql);

    /// <summary>A checked copy of a <see cref="MeasurementQuery"/>, turned into SQL conditions.</summary>
    internal sealed class QueryFilter
    {
        private string? _indicatorId;
        private long? _fromTicks;
        private long? _toTicks;
        private DimensionValue[] _dimensions = [];

        public static QueryFilter Create(MeasurementQuery query)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (query.IndicatorId is not null && !FrameworkValidator.IsValidId(query.IndicatorId))
            {
                throw new ArgumentException("query.IndicatorId is not a valid indicator id (1 to 100 letters, digits, '.', '-', '_').", nameof(query));
            }

            if (query.From is { } from && query.To is { } to && from > to)
            {
                throw new ArgumentException("query.From is after query.To.", nameof(query));
            }

            return new QueryFilter
            {
                _indicatorId = query.IndicatorId,
                _fromTicks = query.From?.UtcTicks,
                _toTicks = query.To?.UtcTicks,
                _dimensions = MeasurementValidation.PrepareQueryDimensions(query.Dimensions, nameof(query)),
            };
        }

        public void Apply(SqliteCommand command, string select, string suffix)
        {
            var sql = new StringBuilder(select).Append(" WHERE 1 = 1");
            if (_indicatorId is not null)
            {
                sql.Append(" AND m.indicator_id = $indicator_id");
                command.Parameters.AddWithValue("$indicator_id", _indicatorId);
            }

            if (_fromTicks is { } from)
            {
                sql.Append(" AND m.timestamp_ticks >= $from");
                command.Parameters.AddWithValue("$from", from);
            }

            if (_toTicks is { } to)
            {
                sql.Append(" AND m.timestamp_ticks < $to");
                command.Parameters.AddWithValue("$to", to);
            }

            for (var d = 0; d < _dimensions.Length; d++)
            {
                sql.Append(CultureInfo.InvariantCulture,
                    $" AND m.id IN (SELECT d.measurement_id FROM measurement_dimensions AS d WHERE d.name = $name{d} AND d.value = $value{d})");
                command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$name{d}"), _dimensions[d].Name);
                command.Parameters.AddWithValue(string.Create(CultureInfo.InvariantCulture, $"$value{d}"), _dimensions[d].Value);
            }

            command.CommandText = sql.Append(suffix).ToString();
        }
    }
}

/// <summary>The store's log messages: counts, durations and versions, never a value.</summary>
internal static partial class SqliteImpactStoreLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Impact store opened (schema version {SchemaVersion}, created {Created})")]
    public static partial void Opened(ILogger logger, int schemaVersion, bool created);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Appended a batch of {Count} measurements, {Written} new, in {ElapsedMilliseconds} ms")]
    public static partial void BatchAppended(ILogger logger, int count, int written, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A batch of {Count} measurements was rolled back; nothing of it was written")]
    public static partial void BatchRolledBack(ILogger logger, int count);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The impact store database could not switch to WAL journal mode (it is in {JournalMode} mode); appends stay atomic but readers may wait for writers")]
    public static partial void NotWal(ILogger logger, string journalMode);
}
