using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the SmokeTest stage: checks that the served predictions equal the offline ones.</summary>
public sealed class SmokeTest() : StageTask(StageName.SmokeTest)
{
    /// <summary>Leave the endpoint DockerServe started running after the test; default false (it is stopped).</summary>
    public bool KeepServing { get; set; }

    private protected override StageOptions Configure(StageOptions options) => options with { KeepServing = KeepServing };
}
