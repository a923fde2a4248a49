using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Nonprofit.Impact;

/// <summary>
/// The database file an impact store (and Nonprofit.Governance's decision log) lives in: opens pooled connections
/// with the same per-connection settings — fsync the WAL on every commit (durability over speed), wait when busy.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _configure;

    /// <summary>Checks the options (<see cref="System.ArgumentException"/> when invalid) and prepares connections to their database.</summary>
    public SqliteDatabase(SqliteImpactStoreOptions options)
    {
        SqliteImpactStoreOptionsValidation.ThrowIfInvalid(options);
        _connectionString = SqliteImpactStoreOptionsValidation.BuildConnectionString(options);
        DirectoryToCreate = SqliteImpactStoreOptionsValidation.DirectoryToCreate(options);
        _configure = string.Create(
            CultureInfo.InvariantCulture, $"PRAGMA synchronous = FULL; PRAGMA busy_timeout = {(int)options.BusyTimeout.TotalMilliseconds};");
    }

    /// <summary>Gets the folder to create before the first open, if any.</summary>
    public string? DirectoryToCreate { get; }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, null, _configure);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            Execute(connection, null, _configure);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the pooled connections to the database, so its files can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    public static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
