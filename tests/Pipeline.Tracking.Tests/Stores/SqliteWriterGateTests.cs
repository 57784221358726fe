using Microsoft.Data.Sqlite;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;

namespace Pipeline.Tracking.Tests.Stores;

/// <summary>
/// Writers of one process queue on the SQLite dialect's gate instead of sleeping in SQLite's busy handler; the gate is an
/// optimisation only: it never loses a write, never blocks a connection's own second transaction, and never deadlocks.
/// </summary>
public sealed class SqliteWriterGateTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gate-" + Guid.NewGuid().ToString("N"));

    public SqliteWriterGateTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ManyConcurrentWritersInOneProcess_AllLand()
    {
        await using var store = new SqliteTrackingStore(Path.Combine(_folder, "mlruns.db"), _folder);
        var run = await store.CreateRunAsync("0", "gate", 1, [], "gate");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var step = 0; step < 50; step++)
            {
                await store.LogMetricAsync(run.Info.RunId, new Metric("m", step, 1, (worker * 50) + step));
                await store.SetTagAsync(run.Info.RunId, new RunTag($"worker.{worker}", step.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })));

        var history = await store.GetMetricHistoryAsync(run.Info.RunId, "m");
        Assert.Equal(Enumerable.Range(0, 400).Select(i => (long)i), history.Select(m => m.Step).Order());
        var tags = (await store.GetRunAsync(run.Info.RunId)).Data.Tags;
        Assert.All(Enumerable.Range(0, 8), w => Assert.Equal("49", tags.Single(t => t.Key == $"worker.{w}").Value));
    }

    [Fact]
    public async Task TwoTransactionsOnOneOpenConnection_DoNotWaitForThemselves()
    {
        var dialect = new SqliteDialect();
        await using var connection = await OpenAsync();
        await CommitOneWriteAsync(dialect, connection);

        var second = dialect.BeginWriteAsync(connection, default);
        Assert.True(second.IsCompleted, "the connection holding the gate began its second transaction without waiting");
        await using var transaction = await second;
        await transaction.CommitAsync();
    }

    [Fact]
    public async Task ClosingTheHoldingConnection_LetsTheNextWriterIn()
    {
        var dialect = new SqliteDialect();
        var holder = await OpenAsync();
        await CommitOneWriteAsync(dialect, holder);
        await using var other = await OpenAsync();
        var waiting = dialect.BeginWriteAsync(other, default);
        Assert.False(waiting.IsCompleted, "another connection waits while the first still holds the gate");

        await holder.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(1));
        await next.CommitAsync();
    }

    [Fact]
    public async Task AHolderThatNeverCloses_OnlyDelaysTheNextWriter_ItStillWrites()
    {
        var dialect = new SqliteDialect();
        await using var holder = await OpenAsync();
        await CommitOneWriteAsync(dialect, holder);

        // The holder keeps its connection open and writes nothing more: past the gate's timeout the next writer goes on to
        // SQLite's own lock, which is free.
        await using var other = await OpenAsync();
        await using var next = await dialect.BeginWriteAsync(other, default).WaitAsync(TimeSpan.FromSeconds(30));
        await next.CommitAsync();
    }

    /// <summary>One write transaction on <paramref name="connection"/>, committed; the connection stays open (and holds the gate).</summary>
    private static async Task CommitOneWriteAsync(SqliteDialect dialect, SqliteConnection connection)
    {
        await using var transaction = await dialect.BeginWriteAsync(connection, default);
        await transaction.CommitAsync();
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "gate.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
