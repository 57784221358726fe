using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;
using Pipeline.Tracking.Stores.Sql;
using Pipeline.Tracking.Tests.Stores.Infrastructure;

namespace Pipeline.Tracking.Tests.Composition;

public sealed class TrackingCompositionTests
{
    private static DictionaryEnvironmentVariables Env(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    [Fact]
    public void Open_UnknownScheme_ErrorListsKnownSchemesAndHidesPassword()
    {
        var error = Assert.Throws<TrackingException>(() => TrackingComposition.CreateDefault(Env()).Open("mongodb://u:secret@x/y", "/root"));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains("'mongodb'", error.Message);
        Assert.Contains("http, https, postgres, postgresql, sqlite", error.Message);
        Assert.DoesNotContain("secret", error.Message);
    }

    [Fact]
    public async Task Open_SqliteUri_GivesSqliteStoreAndItsRegistry()
    {
        using var dir = new TempDirectory();

        await using var backend = TrackingComposition.CreateDefault(Env()).Open("sqlite:///" + dir.File("a.db"), "/root");

        Assert.Equal(dir.File("a.db"), Assert.IsType<SqliteTrackingStore>(backend.Store).DatabasePath);
        Assert.IsType<SqlModelRegistry>(backend.Registry);
    }

    [Fact]
    public async Task Open_HttpUri_GivesRestStoreRegistryAndProxyArtifacts()
    {
        await using var backend = TrackingComposition.CreateDefault(Env()).Open("http://127.0.0.1:1", "unused");

        Assert.IsType<RestTrackingStore>(backend.Store);
        Assert.IsType<RestModelRegistry>(backend.Registry);
        Assert.IsType<HttpArtifactRepository>(backend.Artifacts.Open("mlflow-artifacts:/1/abc/artifacts"));
    }

    [Fact]
    public async Task Open_EveryBackend_KnowsEveryArtifactScheme()
    {
        using var dir = new TempDirectory();
        var composition = TrackingComposition.CreateDefault(Env());

        await using var sql = composition.Open("sqlite:///" + dir.File("a.db"), "/root");
        await using var rest = composition.Open("http://127.0.0.1:1", "unused");

        Assert.Equal(composition.ArtifactSchemes, sql.Artifacts.Schemes);
        Assert.Equal(composition.ArtifactSchemes, rest.Artifacts.Schemes);
        Assert.Contains("mlflow-artifacts", composition.ArtifactSchemes);
    }

    [Fact]
    public async Task MlflowArtifacts_WithoutTrackingServer_ErrorSaysToSetTheTrackingUri()
    {
        using var dir = new TempDirectory();
        await using var backend = TrackingComposition.CreateDefault(Env()).Open("sqlite:///" + dir.File("a.db"), "/root");

        var error = Assert.Throws<TrackingException>(() => backend.Artifacts.Open("mlflow-artifacts:/1/abc/artifacts"));

        Assert.Contains("MLFLOW_TRACKING_URI", error.Message);
    }

    [Fact]
    public void ProxyUrl_OpensRepositoryOnThatServerKeepingTheUrl()
    {
        using var http = new HttpClient();

        var repository = HttpArtifactRepository.FromProxyUrl("http://h:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts", http);

        Assert.Equal("http://h:5000/api/2.0/mlflow-artifacts/artifacts/1/abc/artifacts", repository.RootUri);
    }

    [Fact]
    public void AddStore_NewScheme_OpensThroughItsFactory()
    {
        using var dir = new TempDirectory();
        var composition = new TrackingComposition(Env()).AddStore("custom", (_, root, c) =>
        {
            var store = new SqliteTrackingStore(dir.File("c.db"), root, c.Time);
            return (store, new SqlModelRegistry(store));
        });

        var backend = composition.Open("custom://anything", "/root");

        Assert.IsType<SqliteTrackingStore>(backend.Store);
    }

    [Theory]
    [InlineData("tok", null, null, "Bearer tok")]
    [InlineData(null, "alice", "pw", "Basic YWxpY2U6cHc=")]
    [InlineData(null, null, null, null)]
    public void TrackingAuthorization_ReadsMlflowVariables(string? token, string? user, string? password, string? expected)
    {
        var values = new Dictionary<string, string>();
        if (token is not null) values["MLFLOW_TRACKING_TOKEN"] = token;
        if (user is not null) values["MLFLOW_TRACKING_USERNAME"] = user;
        if (password is not null) values["MLFLOW_TRACKING_PASSWORD"] = password;
        using var http = new HttpClient();

        var header = new BackendContext(new DictionaryEnvironmentVariables(values), TimeProvider.System, http, null).TrackingAuthorization();

        Assert.Equal(expected, header?.ToString());
    }
}
