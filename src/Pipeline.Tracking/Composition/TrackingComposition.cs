using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Composition;

/// <summary>
/// The one place that turns URIs into stores: the tracking-URI precedence (<see cref="Locate"/>), the tracking stores
/// with their model registries, and the artifact repositories, each picked by URI scheme. Every front end (the stages
/// behind Cake, MSBuild and the CLI, the scoring server, the tracking server, the CLI's list commands) opens its
/// backend here, so every scheme works everywhere. The environment and the clock are injected; nothing is static.
/// <see cref="CreateDefault"/> holds every registration: adding a scheme is one line there.
/// </summary>
public sealed partial class TrackingComposition
{
    private readonly Dictionary<string, TrackingBackendFactory> _stores = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ArtifactRepositoryFactory> _artifacts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>An empty composition (no schemes) over <paramref name="environment"/> and <paramref name="time"/>.</summary>
    public TrackingComposition(IEnvironmentVariables environment, TimeProvider? time = null)
    {
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
        Time = time ?? TimeProvider.System;
    }

    /// <summary>Where credentials, <c>MLFLOW_TRACKING_URI</c> and store settings are read.</summary>
    public IEnvironmentVariables Environment { get; }

    /// <summary>The clock handed to every store.</summary>
    public TimeProvider Time { get; }

    /// <summary>The registered tracking-store schemes, sorted.</summary>
    public IReadOnlyList<string> StoreSchemes => _stores.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The registered artifact-repository schemes, sorted.</summary>
    public IReadOnlyList<string> ArtifactSchemes => _artifacts.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Registers (or replaces) the tracking store and registry for <paramref name="scheme"/>; returns this for chaining.</summary>
    public TrackingComposition AddStore(string scheme, TrackingBackendFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheme);
        _stores[scheme] = factory ?? throw new ArgumentNullException(nameof(factory));
        return this;
    }

    /// <summary>Registers (or replaces) the artifact repository for <paramref name="scheme"/>; returns this for chaining.</summary>
    public TrackingComposition AddArtifacts(string scheme, ArtifactRepositoryFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        // Validates the scheme the same way the per-backend registry will.
        new ArtifactRepositoryRegistry().Register(scheme, _ => null!);
        _artifacts[scheme] = factory;
        return this;
    }

    /// <summary>
    /// The tracking location by MLflow's precedence: <paramref name="explicitUri"/> (<c>--tracking-uri</c>), then
    /// <c>MLFLOW_TRACKING_URI</c> from the injected environment, then <paramref name="fileUri"/> (the pipeline file),
    /// then <c>sqlite:///mlruns.db</c>; the artifact root (default <c>./mlartifacts</c>) as a URI against
    /// <paramref name="currentDirectory"/> (default: the process's).
    /// </summary>
    public TrackingLocation Locate(string? explicitUri, string? fileUri = null, string? artifactRoot = null, string? currentDirectory = null) =>
        TrackingLocation.Resolve(explicitUri, fileUri, artifactRoot, Environment, currentDirectory ?? Directory.GetCurrentDirectory());

    /// <summary>
    /// Opens the store, registry and artifact repositories for <paramref name="location"/>. An unknown or missing scheme is
    /// INVALID_PARAMETER_VALUE naming the known ones (the URI's password hidden). The store creates or migrates its schema
    /// on first use.
    /// </summary>
    public TrackingBackend Open(TrackingLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var scheme = StoreSchemeOf(location.TrackingUri);
        if (scheme is null || !_stores.TryGetValue(scheme, out var factory))
        {
            throw new TrackingException(ErrorCode.InvalidParameterValue,
                $"Unexpected URI scheme '{scheme ?? ""}' for tracking store '{location.RedactedTrackingUri}'. " +
                $"Valid schemes are: {string.Join(", ", StoreSchemes)}.");
        }

        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            var context = new BackendContext(Environment, Time, http, TrackingServerOf(location.TrackingUri));
            var (store, registry) = factory(location.TrackingUri, location.ArtifactRoot, context);
            return new TrackingBackend(location, store, registry, CreateArtifactRegistry(context), http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="trackingUri"/> with <paramref name="defaultArtifactRoot"/> for new experiments.</summary>
    public TrackingBackend Open(string trackingUri, string defaultArtifactRoot) => Open(new TrackingLocation(trackingUri, defaultArtifactRoot));

    /// <summary>
    /// The artifact repositories of every registered scheme, bound to <paramref name="context"/> (its HTTP client and
    /// tracking server). For hosts that hold a store opened elsewhere, such as the tracking server in tests.
    /// </summary>
    public ArtifactRepositoryRegistry CreateArtifactRegistry(BackendContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var registry = new ArtifactRepositoryRegistry(registerFile: false);
        foreach (var (scheme, factory) in _artifacts)
            registry.Register(scheme, uri => factory(uri, context));
        return registry;
    }

    private static Uri? TrackingServerOf(string trackingUri) =>
        Uri.TryCreate(trackingUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string? StoreSchemeOf(string uri)
    {
        var colon = uri.IndexOf(':');
        // "C:\..." is a Windows path, not a one-letter scheme.
        if (colon <= 1)
            return null;
        var scheme = uri[..colon];
        var plus = scheme.IndexOf('+');
        return plus > 0 ? scheme[..plus] : scheme;
    }
}
