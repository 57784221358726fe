using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Runs;

/// <summary>TEST HELPER: a real SQLite store and local artifact root in a temp folder, a manual clock and a client factory.</summary>
internal sealed class RunsFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public RunsFixture()
    {
        Store = new SqliteTrackingStore(Artifacts.Combine("mlruns.db"), new Uri(Artifacts.Combine("mlartifacts")).AbsoluteUri, Clock);
        ExperimentId = Store.CreateExperimentAsync("exp").GetAwaiter().GetResult();
    }

    public TempFolder Artifacts { get; } = new();

    public SqliteTrackingStore Store { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public string ExperimentId { get; }

    /// <summary>
    /// A client whose git context is <paramref name="repositoryPath"/> (a fresh non-repository folder when null), writing
    /// to <paramref name="store"/> (the fixture's store when null) and to local artifact folders.
    /// </summary>
    public TrackingClient Client(
        string? repositoryPath = null,
        IReadOnlyDictionary<string, string>? env = null,
        RunInterruptGuard? guard = null,
        Func<string, IArtifactRepository>? openArtifacts = null,
        ITrackingStore? store = null) =>
        new(store ?? Store, openArtifacts ?? (uri => new LocalArtifactRepository(uri)), Clock, new TrackingClientOptions
        {
            Environment = new DictionaryEnvironmentVariables(env ?? new Dictionary<string, string> { ["USER"] = "alice" }),
            RepositoryPath = repositoryPath ?? Artifacts.Path,
            SourceName = "train.dll",
            InterruptGuard = guard,
        });

    public void Dispose()
    {
        // Pooled SQLite connections hold the file open until the store releases them.
        Store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Artifacts.Dispose();
    }
}
