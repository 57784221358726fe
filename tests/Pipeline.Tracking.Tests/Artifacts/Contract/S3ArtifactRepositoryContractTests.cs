using Pipeline.Tests.Shared.ObjectStores;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;

namespace Pipeline.Tracking.Tests.Artifacts.Contract;

/// <summary>The contract against s3rver, with the repository opened the way every front end opens it: the composition root.</summary>
[RequiresVariable(ObjectStoreTestEnvironment.S3Variable, ObjectStoreTestEnvironment.S3SkipMessage)]
public sealed class S3ArtifactRepositoryContractTests : ArtifactRepositoryContractTests
{
    protected override Task<IArtifactRepository> OpenFreshAsync()
    {
        var composition = TrackingComposition.CreateDefault(ObjectStoreTestEnvironment.Environment(ObjectStoreTestEnvironment.S3Variables()));
        var registry = composition.CreateArtifactRegistry(new BackendContext(composition.Environment, composition.Time, new HttpClient(), null));
        return Task.FromResult(registry.Open(ObjectStoreTestEnvironment.NewS3Root("contract")));
    }
}
