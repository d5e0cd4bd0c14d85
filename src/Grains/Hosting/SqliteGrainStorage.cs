using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace GanRsSandbox.Grains.Hosting;

/// <summary>
/// Grain state in one SQLite file: the embedded default. Each write carries the ETag it read, and a write whose
/// ETag no longer matches (another activation wrote meanwhile, such as the one a silo left behind when it stopped)
/// is refused with <see cref="InconsistentStateException"/> instead of overwriting. Several silos on one machine may
/// share the file; SQLite's locking serialises their writes.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;
    private readonly IGrainStorageSerializer _serializer;

    public SqliteGrainStorage(string databasePath, IGrainStorageSerializer serializer)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _serializer = serializer;
        using var connection = Open();
        Execute(connection, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name TEXT NOT NULL,
                grain_id TEXT NOT NULL,
                etag TEXT NOT NULL,
                payload BLOB NOT NULL,
                updated_utc TEXT NOT NULL,
                PRIMARY KEY (state_name, grain_id)) WITHOUT ROWID;
            """);
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        Key(command, stateName, grainId);
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            grainState.ETag = reader.GetString(0);
            grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader[1]));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var etag = Guid.NewGuid().ToString("N");
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = grainState.ETag is null
            ? """
              INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_utc) VALUES ($state, $grain, $etag, $payload, $now)
              ON CONFLICT (state_name, grain_id) DO NOTHING
              """
            : "UPDATE grain_state SET etag = $etag, payload = $payload, updated_utc = $now WHERE state_name = $state AND grain_id = $grain AND etag = $expected";
        Key(command, stateName, grainId);
        command.Parameters.AddWithValue("$etag", etag);
        command.Parameters.AddWithValue("$payload", _serializer.Serialize(grainState.State).ToArray());
        command.Parameters.AddWithValue("$now", DateTime.UtcNow.ToString("O"));
        if (grainState.ETag is not null)
        {
            command.Parameters.AddWithValue("$expected", grainState.ETag);
        }
        if (command.ExecuteNonQuery() != 1)
        {
            throw Conflict(connection, stateName, grainId, grainState.ETag);
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is not null)
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain AND etag = $expected";
            Key(command, stateName, grainId);
            command.Parameters.AddWithValue("$expected", grainState.ETag);
            if (command.ExecuteNonQuery() != 1)
            {
                throw Conflict(connection, stateName, grainId, grainState.ETag);
            }
        }
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static InconsistentStateException Conflict(SqliteConnection connection, string stateName, GrainId grainId, string? expected)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain";
        Key(command, stateName, grainId);
        var stored = command.ExecuteScalar() as string;
        return new InconsistentStateException(
            $"state '{stateName}' of {grainId} changed since it was read (stored ETag {stored ?? "none"}, expected {expected ?? "none"})", stored, expected);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000;");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Key(SqliteCommand command, string stateName, GrainId grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
    }
}
