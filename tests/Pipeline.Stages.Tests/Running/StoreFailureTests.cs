using Pipeline.Stages.Running;
using Pipeline.Stages.Tests.EndToEnd;

namespace Pipeline.Stages.Tests.Running;

/// <summary>A store that cannot be used at all fails the stage with one line naming the store (password redacted) and the cause.</summary>
public sealed class StoreFailureTests
{
    [Theory]
    [InlineData("truncated")]
    [InlineData("overwritten header")]
    public async Task RunAsync_OnACorruptedSqliteFile_FailsWithOneLineNamingTheStoreAndTheCause(string damage)
    {
        // Given a store that was fine, then damaged
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        await workspace.RunAsync(StageName.InitStore);
        var bytes = File.ReadAllBytes(workspace.DatabasePath);
        if (damage == "truncated")
            File.WriteAllBytes(workspace.DatabasePath, bytes[..Math.Min(3000, bytes.Length / 2)]);
        else
            File.WriteAllBytes(workspace.DatabasePath, [.. "this is not a database, it is garbage"u8, .. bytes[37..]]);

        // When a stage opens it
        var error = await Assert.ThrowsAsync<PipelineException>(() => workspace.RunAsync(StageName.PrepareData));

        // Then one line names the store and SQLite's reason
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"PrepareData: the tracking store {workspace.TrackingUri} cannot be used: SQLite Error", error.Message);
    }

    [Fact]
    public async Task RunAsync_OnAPostgresServerThatRefusesTheConnection_FailsWithOneLineAndNoPassword()
    {
        await using var workspace = PipelineWorkspace.Create("breast-cancer");
        var runner = new PipelineRunner(workspace.Reporter, TimeProvider.System, workspace.Environment);

        var error = await Assert.ThrowsAsync<PipelineException>(() => runner.RunAsync(StageName.InitStore,
            new StageOptions(workspace.PipelinePath, TrackingUri: "postgresql://u:secret@127.0.0.1:1/x", OutputDirectory: workspace.OutputDirectory)));

        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("secret", error.Message);
        Assert.StartsWith("InitStore: the tracking store postgresql://u:***@127.0.0.1:1/x cannot be used: Failed to connect to 127.0.0.1:1", error.Message);
    }
}
