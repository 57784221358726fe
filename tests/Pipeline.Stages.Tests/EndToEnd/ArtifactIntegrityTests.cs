using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>What a stage reads back from the artifact store is the file an earlier stage logged, checked by SHA-256.</summary>
public sealed class ArtifactIntegrityTests
{
    [Fact]
    public async Task Evaluate_SelectedModelChangedInTheArtifactStore_FailsNamingTheFile()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer", yaml => yaml.Replace("[0.01, 0.1, 0.5, 1.0, 2.0, 3.0]", "[1.0]"));
        Assert.Equal(StageOutcome.Succeeded, (await workspace.RunThroughAsync(StageName.Select)).Outcome);
        var model = Directory.GetFiles(Path.Combine(workspace.Root, "mlartifacts"), "model.zip", SearchOption.AllDirectories).Single();
        await File.AppendAllTextAsync(model, "tampered");

        var error = await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.Evaluate));

        Assert.Contains("artifact best_model/model.zip of run", error.Message);
        Assert.Contains("is not the file that was logged", error.Message);
    }
}
