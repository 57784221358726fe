using Microsoft.Extensions.ObjectPool;

namespace Pipeline.Serving.Model;

/// <summary>
/// Keeps engines that must not be shared between threads (ML.NET's <c>PredictionEngine</c>) for reuse across
/// requests. <see cref="Rent"/> hands each caller an engine of its own, creating one when all are busy; at most
/// <see cref="MaximumRetained"/> idle engines are kept, the rest are dropped (and disposed if disposable).
/// Built on <see cref="ObjectPool{T}"/> from Microsoft.Extensions.ObjectPool.
/// </summary>
/// <typeparam name="TEngine">The engine type.</typeparam>
public sealed class ScoringEnginePool<TEngine> : IDisposable
    where TEngine : class
{
    private readonly ObjectPool<TEngine> _pool;

    /// <summary>Creates a pool; <paramref name="create"/> builds an engine (called lazily, possibly concurrently).</summary>
    /// <param name="create">Makes a new engine from the already loaded model; must not load anything from disk.</param>
    /// <param name="maximumRetained">Idle engines kept, at least 1 (the server passes <c>EnginePoolSize</c>).</param>
    public ScoringEnginePool(Func<TEngine> create, int maximumRetained)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumRetained, 1);
        MaximumRetained = maximumRetained;
        _pool = new DefaultObjectPoolProvider { MaximumRetained = maximumRetained }.Create(new Policy(create));
    }

    /// <summary>Idle engines kept for reuse.</summary>
    public int MaximumRetained { get; }

    /// <summary>Takes an engine for the caller alone; dispose the lease to give it back.</summary>
    public Lease Rent() => new(this, _pool.Get());

    /// <summary>Runs <paramref name="work"/> with a rented engine and returns it to the pool afterwards.</summary>
    public TResult Use<TResult>(Func<TEngine, TResult> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var lease = Rent();
        return work(lease.Engine);
    }

    /// <summary>Disposes the idle engines when <typeparamref name="TEngine"/> is disposable.</summary>
    public void Dispose() => (_pool as IDisposable)?.Dispose();

    /// <summary>An engine on loan; disposing it returns the engine to the pool.</summary>
    public readonly struct Lease : IDisposable
    {
        private readonly ScoringEnginePool<TEngine> _owner;

        internal Lease(ScoringEnginePool<TEngine> owner, TEngine engine)
        {
            _owner = owner;
            Engine = engine;
        }

        /// <summary>The engine, for this caller only until the lease is disposed.</summary>
        public TEngine Engine { get; }

        /// <summary>Returns the engine to the pool.</summary>
        public void Dispose() => _owner?._pool.Return(Engine);
    }

    private sealed class Policy(Func<TEngine> create) : IPooledObjectPolicy<TEngine>
    {
        public TEngine Create() => create();

        public bool Return(TEngine obj) => true;
    }
}
