using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Runs;

/// <summary>TEST HELPER: an in-memory store with a temp artifact root, a manual clock and a client factory.</summary>
internal sealed class RunsFixture : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public RunsFixture()
    {
        Store = new InMemoryTrackingStore(Artifacts.Combine("mlartifacts"));
        ExperimentId = Store.CreateExperimentAsync("exp").GetAwaiter().GetResult();
    }

    public TempFolder Artifacts { get; } = new();

    public InMemoryTrackingStore Store { get; }

    public ManualTimeProvider Clock { get; } = new(Start);

    public string ExperimentId { get; }

    /// <summary>A client whose git context is <paramref name="repositoryPath"/> (a fresh non-repository folder when null).</summary>
    public TrackingClient Client(
        string? repositoryPath = null,
        IReadOnlyDictionary<string, string>? env = null,
        RunInterruptGuard? guard = null,
        Func<string, IArtifactRepository>? openArtifacts = null) =>
        new(Store, openArtifacts ?? FolderArtifactRepository.Open, Clock, new TrackingClientOptions
        {
            Environment = new DictionaryEnvironmentVariables(env ?? new Dictionary<string, string> { ["USER"] = "alice" }),
            RepositoryPath = repositoryPath ?? Artifacts.Path,
            SourceName = "train.dll",
            InterruptGuard = guard,
        });

    public void Dispose() => Artifacts.Dispose();
}
