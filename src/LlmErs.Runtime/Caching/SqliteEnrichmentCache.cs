using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LlmErs;

/// <summary>
/// The embedded default cache: one SQLite file in WAL mode, shared safely by concurrent readers and by other processes.
/// Every write is committed with a full disk flush before <see cref="SetAsync"/> completes; concurrent writes are
/// grouped into one transaction so that the flushes do not limit throughput. Lookups always see this instance's own
/// writes, and another process's within a second. Entries are BLOBs that carry a checksum
/// (<see cref="CacheLookupStatus.Corrupt"/> on mismatch).
/// </summary>
public sealed class SqliteEnrichmentCache : IEnrichmentCache, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan IdleCheckpointDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Commits between checkpoints while writes never pause: a long run would otherwise grow the write-ahead log by
    /// every entry it writes until its end.
    /// </summary>
    private const int CommitsPerCheckpoint = 64;

    private const string UpsertSql = "INSERT OR REPLACE INTO answers (key, entry) VALUES ($key, $entry)";

    private readonly string _connectionString;
    private readonly int _maxEntriesPerCommit;
    private readonly int _busyTimeoutMilliseconds;
    private readonly Stack<SqliteReader> _readers = new();
    private readonly Lock _readersLock = new();
    private readonly CommitCounter _commits = new();
    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true });
    private readonly SqliteConnection _writeConnection;
    private readonly Task _writer;
    private int _disposed;

    /// <summary>Opens (or creates) the cache at <paramref name="path"/>.</summary>
    public SqliteEnrichmentCache(string path)
        : this(new SqliteEnrichmentCacheOptions { Path = path })
    {
    }

    /// <summary>Opens (or creates) the cache described by <paramref name="options"/>.</summary>
    public SqliteEnrichmentCache(SqliteEnrichmentCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, $"{nameof(options)}.{nameof(options.Path)}");
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxEntriesPerCommit, 1, $"{nameof(options)}.{nameof(options.MaxEntriesPerCommit)}");

        var fullPath = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        _maxEntriesPerCommit = options.MaxEntriesPerCommit;
        _busyTimeoutMilliseconds = (int)options.BusyTimeout.TotalMilliseconds;
        Path = fullPath;

        _writeConnection = Open();
        // journal_size_limit: the write-ahead log is cut back to 64 MiB once a checkpoint has emptied it.
        Execute(_writeConnection, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA journal_size_limit = 67108864;
            CREATE TABLE IF NOT EXISTS answers (key BLOB NOT NULL PRIMARY KEY, entry BLOB NOT NULL) WITHOUT ROWID;
            """);
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public ValueTask<CacheLookup> GetAsync(CacheKey key, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        // Lookups are synchronous and take microseconds; a pool of open connections, each with its prepared statement,
        // lets concurrent lookups proceed in parallel under WAL.
        SqliteReader? reader;
        lock (_readersLock)
        {
            _readers.TryPop(out reader);
        }

        reader ??= new SqliteReader(_connectionString, Path, _busyTimeoutMilliseconds, _commits);
        try
        {
            return ValueTask.FromResult(reader.Lookup(key));
        }
        finally
        {
            lock (_readersLock)
            {
                _readers.Push(reader);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask SetAsync(CacheKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        var write = new PendingWrite(key.Bytes.ToArray(), CacheEntryCodec.Encode(key, value.Span));
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteEnrichmentCache));
        }

        // Once queued the write commits anyway, within milliseconds: waiting for it whatever the token says means a
        // caller stopped mid-run (a 403, Ctrl+C) returns only once its paid-for answers can be read back.
        await write.Committed.Task.ConfigureAwait(false);
    }

    /// <summary>Commits pending writes and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _writes.Writer.Complete();
        await _writer.ConfigureAwait(false);
        _writeConnection.Dispose();
        lock (_readersLock)
        {
            while (_readers.TryPop(out var reader))
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>Commits pending writes and closes the database.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        using var upsert = new PreparedUpsert(_writeConnection);
        var batch = new List<PendingWrite>(_maxEntriesPerCommit);
        var checkpointPending = false;
        var commitsSinceCheckpoint = 0;
        while (await WaitForWritesAsync(checkpointPending).ConfigureAwait(false) is var writes && writes != IdleState.Closed)
        {
            if (writes == IdleState.Idle)
            {
                checkpointPending = !TryCheckpoint();
                commitsSinceCheckpoint = 0;
                continue;
            }

            while (batch.Count < _maxEntriesPerCommit && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                using (var transaction = _writeConnection.BeginTransaction())
                {
                    upsert.Command.Transaction = transaction;
                    foreach (var write in batch)
                    {
                        upsert.Parameters[0].Value = write.Key;
                        upsert.Parameters[1].Value = write.Entry;
                        upsert.Command.ExecuteNonQuery();
                    }

                    transaction.Commit();
                }

                _commits.Increment();
                checkpointPending = true;
                if (++commitsSinceCheckpoint == CommitsPerCheckpoint)
                {
                    checkpointPending = !TryCheckpoint();
                    commitsSinceCheckpoint = 0;
                }

                foreach (var write in batch)
                {
                    write.Committed.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                var failure = new IOException($"Could not write {batch.Count} cache entries to '{Path}': {ex.Message}", ex);
                foreach (var write in batch)
                {
                    write.Committed.TrySetException(failure);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>
    /// Waits for the next writes; once writes have stopped for <see cref="IdleCheckpointDelay"/> with a checkpoint
    /// pending, reports <see cref="IdleState.Idle"/> instead.
    /// </summary>
    private async ValueTask<IdleState> WaitForWritesAsync(bool checkpointPending)
    {
        if (!checkpointPending)
        {
            return await _writes.Reader.WaitToReadAsync().ConfigureAwait(false) ? IdleState.Writes : IdleState.Closed;
        }

        using var idle = new CancellationTokenSource(IdleCheckpointDelay);
        try
        {
            return await _writes.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false) ? IdleState.Writes : IdleState.Closed;
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested)
        {
            return IdleState.Idle;
        }
    }

    /// <summary>
    /// Copies the write-ahead log into the database file once writes pause, so that reads go through the memory map
    /// again instead of a system call per page. SQLite's own checkpoints run on commit and cannot finish while readers
    /// hold older snapshots; idle pooled readers give theirs up first, readers in use within a second.
    /// </summary>
    /// <returns>Whether the whole log was copied; otherwise it is tried again at the next pause.</returns>
    private bool TryCheckpoint()
    {
        lock (_readersLock)
        {
            foreach (var reader in _readers)
            {
                reader.EndSnapshot();
            }
        }

        try
        {
            using var command = _writeConnection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
            using var result = command.ExecuteReader();
            return result.Read() && result.GetInt64(1) == result.GetInt64(2);
        }
        catch (SqliteException)
        {
            // A checkpoint is an optimization; a busy or failing one leaves every committed entry readable.
            return true;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private enum IdleState
    {
        Writes,
        Idle,
        Closed,
    }

    private sealed class PendingWrite(byte[] key, byte[] entry)
    {
        public byte[] Key { get; } = key;

        public byte[] Entry { get; } = entry;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class PreparedUpsert : IDisposable
    {
        public PreparedUpsert(SqliteConnection connection)
        {
            Command = connection.CreateCommand();
            Command.CommandText = UpsertSql;
            Parameters = Command.Parameters;
            Parameters.Add("$key", SqliteType.Blob);
            Parameters.Add("$entry", SqliteType.Blob);
            Command.Prepare();
        }

        public SqliteCommand Command { get; }

        public SqliteParameterCollection Parameters { get; }

        public void Dispose() => Command.Dispose();
    }
}
