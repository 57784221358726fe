namespace Pipeline.Tracking.Stores;

/// <summary>
/// Picks the tracking store for a URI by its scheme (MLflow's store registry, as an instance). A scheme with a driver
/// suffix such as <c>postgresql+psycopg2</c> is looked up without it. <see cref="CreateDefault"/> knows
/// <c>sqlite</c>, <c>postgresql</c>, <c>postgres</c>, and <c>http</c> / <c>https</c> (a tracking server, through
/// <see cref="Rest.RestTrackingStore"/> with credentials from MLflow's client variables).
/// </summary>
public sealed class TrackingStoreRegistry
{
    private readonly Dictionary<string, TrackingStoreFactory> _factories = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A registry with the SQL stores (<c>sqlite:///path.db</c>, <c>postgresql://...</c>, <c>postgres://...</c>) and the REST store (<c>http(s)://host:port</c>).</summary>
    public static TrackingStoreRegistry CreateDefault()
    {
        var registry = new TrackingStoreRegistry();
        registry.Register("sqlite", (uri, root, time) => new SqliteTrackingStore(SqliteTrackingStore.PathFromUri(uri), root, time));
        TrackingStoreFactory postgres = (uri, root, time) => new PostgresTrackingStore(uri, root, time);
        registry.Register("postgresql", postgres);
        registry.Register("postgres", postgres);
        TrackingStoreFactory rest = (uri, _, time) =>
            new Rest.RestTrackingStore(new Uri(uri), Rest.RestTrackingStoreOptions.FromEnvironment(new Metadata.ProcessEnvironmentVariables()), time);
        registry.Register("http", rest);
        registry.Register("https", rest);
        return registry;
    }

    /// <summary>The registered schemes, sorted.</summary>
    public IReadOnlyList<string> Schemes => _factories.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Registers (or replaces) the factory for <paramref name="scheme"/>; returns this registry for chaining.</summary>
    public TrackingStoreRegistry Register(string scheme, TrackingStoreFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[scheme] = factory;
        return this;
    }

    /// <summary>
    /// Opens the store for <paramref name="storeUri"/>. An unknown or missing scheme is INVALID_PARAMETER_VALUE naming the
    /// known schemes. The store creates or migrates its schema on first use.
    /// </summary>
    public ITrackingStore Open(string storeUri, string defaultArtifactRoot, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storeUri);
        var scheme = SchemeOf(storeUri);
        if (scheme is null || !_factories.TryGetValue(scheme, out var factory))
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Unexpected URI scheme '{scheme ?? ""}' for tracking store '{PostgresUri.Redact(storeUri)}'. " +
                $"Valid schemes are: {string.Join(", ", Schemes)}.");
        }

        return factory(storeUri, defaultArtifactRoot, timeProvider ?? TimeProvider.System);
    }

    private static string? SchemeOf(string uri)
    {
        var colon = uri.IndexOf(':');
        // "C:\..." is a Windows path, not a one-letter scheme.
        if (colon <= 1)
        {
            return null;
        }

        var scheme = uri[..colon];
        var plus = scheme.IndexOf('+');
        return plus > 0 ? scheme[..plus] : scheme;
    }
}
