using Pipeline.Tracking.Artifacts;

namespace Pipeline.Tracking.Tests.Artifacts.Contract;

public sealed class LocalArtifactRepositoryContractTests : ArtifactRepositoryContractTests
{
    protected override Task<IArtifactRepository> OpenFreshAsync() =>
        Task.FromResult<IArtifactRepository>(new LocalArtifactRepository(Path.Join(Local, "root")));
}
