using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Artifacts.ObjectStores;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Stores.Sql;

namespace Pipeline.Tracking.Composition;

public sealed partial class TrackingComposition
{
    /// <summary>
    /// Every scheme this project knows, registered once. Tracking stores: <c>sqlite</c>, <c>postgresql</c> /
    /// <c>postgres</c> (driver suffixes such as <c>+psycopg2</c> ignored), <c>http</c> / <c>https</c> (a tracking server
    /// through its REST API, credentials from <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c> /
    /// <c>MLFLOW_TRACKING_PASSWORD</c>). Artifact repositories: <c>file</c> (and plain local paths),
    /// <c>mlflow-artifacts</c> (through the tracking server's proxy, or the host the URI names), <c>http</c> /
    /// <c>https</c> (a proxy URL, <c>http://host/api/2.0/mlflow-artifacts/artifacts/...</c>), <c>s3</c> (Amazon S3 or an
    /// S3-compatible service, configured as MLflow's <c>MLFLOW_S3_ENDPOINT_URL</c> / <c>AWS_*</c>, see
    /// <see cref="S3ClientFactory"/>) and <c>wasbs</c> (Azure Blob Storage, <c>AZURE_STORAGE_CONNECTION_STRING</c> or
    /// <c>AZURE_STORAGE_ACCESS_KEY</c>).
    /// </summary>
    /// <param name="environment">The process environment in production, a dictionary in tests.</param>
    /// <param name="time">The clock; the system clock when null.</param>
    public static TrackingComposition CreateDefault(IEnvironmentVariables environment, TimeProvider? time = null)
    {
        var composition = new TrackingComposition(environment, time);

        TrackingBackendFactory sqlite = (uri, root, c) => Sql(new SqliteTrackingStore(SqliteTrackingStore.PathFromUri(uri), root, c.Time));
        TrackingBackendFactory postgres = (uri, root, c) => Sql(new PostgresTrackingStore(uri, root, c.Time));
        TrackingBackendFactory rest = (uri, _, c) => Rest(new RestTrackingStore(new Uri(uri), RestTrackingStoreOptions.FromEnvironment(c.Environment), c.Time));
        composition.AddStore("sqlite", sqlite).AddStore("postgresql", postgres).AddStore("postgres", postgres)
            .AddStore("http", rest).AddStore("https", rest);

        ArtifactRepositoryFactory proxyUrl = (uri, c) => HttpArtifactRepository.FromProxyUrl(uri, c.Http, c.TrackingAuthorization());
        composition.AddArtifacts("file", (uri, _) => new LocalArtifactRepository(uri))
            .AddArtifacts("mlflow-artifacts", MlflowArtifacts)
            .AddArtifacts("http", proxyUrl).AddArtifacts("https", proxyUrl)
            .AddArtifacts("s3", (uri, c) => new S3ArtifactRepository(uri, S3ClientFactory.Create(c.Environment)))
            .AddArtifacts("wasbs", (uri, c) => AzureBlobArtifactRepository.FromEnvironment(uri, c.Environment));
        return composition;
    }

    /// <summary>The composition over the process's environment and the system clock (for hosts with no injection of their own).</summary>
    public static TrackingComposition ForProcess() => CreateDefault(new ProcessEnvironmentVariables());

    private static (ITrackingStore, Registry.IModelRegistry) Sql(SqlTrackingStore store) => (store, new SqlModelRegistry(store));

    private static (ITrackingStore, Registry.IModelRegistry) Rest(RestTrackingStore store) => (store, new RestModelRegistry(store));

    private static IArtifactRepository MlflowArtifacts(string uri, BackendContext context)
    {
        // mlflow-artifacts://host:port/... names its own server; mlflow-artifacts:/... needs the tracking server.
        var namesHost = uri.IndexOf("://", StringComparison.Ordinal) == "mlflow-artifacts".Length && uri.Length > "mlflow-artifacts://".Length && uri["mlflow-artifacts://".Length] != '/';
        var server = context.TrackingServer ?? (namesHost ? new Uri("http://localhost/") : throw new TrackingException(ErrorCode.InvalidState,
            $"'{uri}' is stored behind a tracking server's artifact proxy; set the tracking URI (--tracking-uri or MLFLOW_TRACKING_URI) to that server (http://host:port)."));
        return new HttpArtifactRepository(uri, server, context.Http, context.TrackingAuthorization());
    }
}
