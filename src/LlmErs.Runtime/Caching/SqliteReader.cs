using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LlmErs;

/// <summary>
/// One read connection of <see cref="SqliteEnrichmentCache"/> with its prepared lookup. A fully cached re-run does
/// nothing but lookups, so this path talks to SQLite directly: the entry is checked in SQLite's own buffer and only
/// its payload copied out, and consecutive lookups share one read transaction, since starting one per statement costs
/// more than the lookup itself. A lookup never reads a snapshot older than this cache's latest commit (so the cache always
/// reads its own writes), nor one older than <see cref="MaxSnapshotAge"/> (so writes of other processes show up soon).
/// </summary>
internal sealed class SqliteReader : IDisposable
{
    private const long MemoryMapSize = 1L << 30;
    private static readonly TimeSpan MaxSnapshotAge = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _select;
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly string _path;
    private readonly CommitCounter _commits;
    private long _snapshotCommits = -1;
    private long _snapshotStarted;

    public SqliteReader(string connectionString, string path, int busyTimeoutMilliseconds, CommitCounter commits)
    {
        _path = path;
        _commits = commits;
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        Check(raw.sqlite3_busy_timeout(_connection.Handle, busyTimeoutMilliseconds));

        // Read through a memory map: a large cache then costs page-cache hits instead of a read() per page.
        Check(raw.sqlite3_exec(_connection.Handle, $"PRAGMA mmap_size = {MemoryMapSize}"));
        _select = Prepare("SELECT entry FROM answers WHERE key = ?1");
        _begin = Prepare("BEGIN");
        _commit = Prepare("COMMIT");
    }

    public CacheLookup Lookup(CacheKey key)
    {
        // A pooled reader keeps its snapshot between lookups; one taken before this cache's latest commit would miss what
        // that commit wrote, so it is dropped before the lookup, not only after it.
        if (_snapshotCommits >= 0 && IsStale())
        {
            EndSnapshot();
        }

        if (_snapshotCommits < 0)
        {
            // Read the counter before the snapshot is taken: a commit in between only makes the next refresh early.
            var commits = _commits.Value;
            Run(_begin);
            _snapshotCommits = commits;
            _snapshotStarted = Environment.TickCount64;
        }

        try
        {
            Check(raw.sqlite3_bind_blob(_select, 1, key.Bytes));
            var result = raw.sqlite3_step(_select);
            return result switch
            {
                raw.SQLITE_DONE => CacheLookup.Miss,
                raw.SQLITE_ROW when raw.sqlite3_column_type(_select, 0) == raw.SQLITE_BLOB => CacheEntryCodec.DecodeCopy(key, raw.sqlite3_column_blob(_select, 0)),
                raw.SQLITE_ROW => CacheLookup.Corrupt($"the entry is stored as {TypeName(raw.sqlite3_column_type(_select, 0))}, not as bytes"),
                _ => throw Error(result),
            };
        }
        finally
        {
            raw.sqlite3_reset(_select);
            if (IsStale())
            {
                EndSnapshot();
            }
        }
    }

    private bool IsStale() => _commits.Value != _snapshotCommits || Environment.TickCount64 - _snapshotStarted > MaxSnapshotAge.TotalMilliseconds;

    public void Dispose()
    {
        _select.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _connection.Dispose();
    }

    /// <summary>Ends the read transaction that lookups share, if one is open; the next lookup starts a fresh one.</summary>
    public void EndSnapshot()
    {
        if (_snapshotCommits < 0)
        {
            return;
        }

        _snapshotCommits = -1;
        Run(_commit);
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_connection.Handle, sql, out var statement));
        return statement;
    }

    private void Run(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (result != raw.SQLITE_DONE)
        {
            throw Error(result);
        }
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw Error(result);
        }
    }

    private SqliteException Error(int result) =>
        new($"Could not read the enrichment cache '{_path}': {raw.sqlite3_errmsg(_connection.Handle).utf8_to_string()}", result);

    private static string TypeName(int type) => type switch
    {
        raw.SQLITE_TEXT => "TEXT",
        raw.SQLITE_INTEGER => "INTEGER",
        raw.SQLITE_FLOAT => "REAL",
        _ => "NULL",
    };
}
