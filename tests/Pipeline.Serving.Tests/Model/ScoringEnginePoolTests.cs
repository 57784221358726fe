using Pipeline.Serving.Model;

namespace Pipeline.Serving.Tests.Model;

public sealed class ScoringEnginePoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheSameEngine()
    {
        var created = 0;
        using var pool = new ScoringEnginePool<object>(() => new { Id = Interlocked.Increment(ref created) }, maximumRetained: 2);

        object first;
        using (var lease = pool.Rent())
        {
            first = lease.Engine;
        }

        Assert.Same(first, pool.Use(engine => engine));
        Assert.Equal(1, created);
    }

    [Fact]
    public void Rent_WhileAllBusy_CreatesAnotherEngineNeverSharing()
    {
        using var pool = new ScoringEnginePool<object>(() => new object(), maximumRetained: 1);

        using var a = pool.Rent();
        using var b = pool.Rent();

        Assert.NotSame(a.Engine, b.Engine);
    }

    [Fact]
    public void Dispose_DisposesIdleDisposableEngines()
    {
        var engine = new DisposableEngine();
        var pool = new ScoringEnginePool<DisposableEngine>(() => engine, maximumRetained: 1);
        pool.Use(e => e);

        pool.Dispose();

        Assert.True(engine.Disposed);
    }

    [Fact]
    public void Constructor_PoolSizeBelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoringEnginePool<object>(() => new object(), 0));
    }

    private sealed class DisposableEngine : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
