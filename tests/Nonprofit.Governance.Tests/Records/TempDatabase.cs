using Microsoft.Data.Sqlite;
using Nonprofit.Impact;

namespace Nonprofit.Governance.Tests.Records;

/// <summary>A database file in a fresh temporary folder, deleted (pools cleared first) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "np-records-" + Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, "impact.db");
    }

    public string Path { get; }

    public SqliteImpactStoreOptions Options => new() { Path = Path };

    /// <summary>Runs SQL on the file as an attacker with file access would: the append-only triggers dropped first.</summary>
    public void Tamper(string sql)
    {
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DROP TRIGGER IF EXISTS decision_records_append_only_update;
                DROP TRIGGER IF EXISTS decision_records_append_only_delete;
                """ + sql;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
