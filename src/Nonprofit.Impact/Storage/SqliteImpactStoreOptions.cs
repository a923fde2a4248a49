using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Nonprofit.Impact;

/// <summary>Options of a <see cref="SqliteImpactStore"/>: where the database is and how long a writer waits for another.</summary>
public sealed class SqliteImpactStoreOptions
{
    /// <summary>
    /// Gets or sets the database file. It is created (with its folder) when missing. Set this or
    /// <see cref="ConnectionString"/>, not both.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// Gets or sets a Microsoft.Data.Sqlite connection string (for example <c>Data Source=impact.db</c>), for
    /// settings <see cref="Path"/> does not cover. It must name a file opened read-write: an in-memory database
    /// would vanish with its connection. Set this or <see cref="Path"/>, not both.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Gets or sets how long an operation waits for the database while another process (or connection) writes
    /// before it fails with <see cref="SqliteException"/> (<c>SQLITE_BUSY</c>).
    /// </summary>
    /// <value>The default is 30 seconds; between zero and one hour.</value>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Validates <see cref="SqliteImpactStoreOptions"/> and turns them into a connection string.</summary>
internal static class SqliteImpactStoreOptionsValidation
{
    private static readonly TimeSpan s_maxBusyTimeout = TimeSpan.FromHours(1);

    public static IEnumerable<string> Errors(SqliteImpactStoreOptions options)
    {
        var hasPath = !string.IsNullOrWhiteSpace(options.Path);
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasPath == hasConnectionString)
        {
            yield return $"Set exactly one of {nameof(SqliteImpactStoreOptions.Path)} (a database file) and {nameof(SqliteImpactStoreOptions.ConnectionString)}.";
        }
        else if (hasPath)
        {
            if (options.Path!.Trim() == ":memory:")
            {
                yield return $"{nameof(SqliteImpactStoreOptions.Path)} must be a file: an in-memory database vanishes with its connection.";
            }
            else if (options.Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
            {
                yield return $"{nameof(SqliteImpactStoreOptions.Path)} has characters that are not valid in a path.";
            }
        }
        else if (ConnectionStringError(options.ConnectionString!) is { } error)
        {
            yield return error;
        }

        if (options.BusyTimeout < TimeSpan.Zero || options.BusyTimeout > s_maxBusyTimeout)
        {
            yield return $"{nameof(SqliteImpactStoreOptions.BusyTimeout)} must be between zero and one hour.";
        }
    }

    public static void ThrowIfInvalid(SqliteImpactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(Errors(options));
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SqliteImpactStoreOptions: " + string.Join(" ", errors), nameof(options));
        }
    }

    /// <summary>The connection string the store opens (pooled, read-write, the busy timeout as command timeout).</summary>
    public static string BuildConnectionString(SqliteImpactStoreOptions options)
    {
        SqliteConnectionStringBuilder builder;
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            var path = System.IO.Path.GetFullPath(options.Path);
            builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate };
        }
        else
        {
            builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        }

        builder.Pooling = true;
        builder.ForeignKeys = true;
        builder.DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds));
        return builder.ToString();
    }

    /// <summary>The folder the database file goes in, when the options name a file by path.</summary>
    public static string? DirectoryToCreate(SqliteImpactStoreOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) ? null : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(options.Path));

    private static string? ConnectionStringError(string connectionString)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote the string (which may hold a password): say only what is wrong.
            return $"{nameof(SqliteImpactStoreOptions.ConnectionString)} is not a valid Microsoft.Data.Sqlite connection string.";
        }

        var dataSource = builder.DataSource?.Trim() ?? string.Empty;
        if (dataSource.Length == 0 || dataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return $"{nameof(SqliteImpactStoreOptions.ConnectionString)} must name a database file (Data Source=...): an in-memory database vanishes with its connection.";
        }

        if (builder.Mode == SqliteOpenMode.ReadOnly)
        {
            return $"{nameof(SqliteImpactStoreOptions.ConnectionString)} opens the database read-only (Mode=ReadOnly); the store creates its schema and appends, so it needs Mode=ReadWrite or ReadWriteCreate.";
        }

        return null;
    }
}

/// <summary>Validates <see cref="SqliteImpactStoreOptions"/> at start or first use (register with the options).</summary>
internal sealed class SqliteImpactStoreOptionsValidator : IValidateOptions<SqliteImpactStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteImpactStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(SqliteImpactStoreOptionsValidation.Errors(options));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
