using Pipeline.Tests.Shared.ObjectStores;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;

namespace Pipeline.Tracking.Tests.Artifacts.Contract;

/// <summary>The contract against azurite's blob service, the repository opened through the composition root.</summary>
[RequiresVariable(ObjectStoreTestEnvironment.AzureVariable, ObjectStoreTestEnvironment.AzureSkipMessage)]
public sealed class AzureBlobArtifactRepositoryContractTests : ArtifactRepositoryContractTests
{
    protected override async Task<IArtifactRepository> OpenFreshAsync()
    {
        var composition = TrackingComposition.CreateDefault(ObjectStoreTestEnvironment.Environment(ObjectStoreTestEnvironment.AzureVariables()));
        var registry = composition.CreateArtifactRegistry(new BackendContext(composition.Environment, composition.Time, new HttpClient(), null));
        return registry.Open(await ObjectStoreTestEnvironment.NewAzureRootAsync("contract"));
    }
}
