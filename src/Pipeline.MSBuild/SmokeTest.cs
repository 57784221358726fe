using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the SmokeTest stage: checks that the served predictions equal the offline ones.</summary>
public sealed class SmokeTest() : StageTask(StageName.SmokeTest)
{
    /// <summary>Leave the endpoint DockerServe started running after the test; default false (it is stopped).</summary>
    public bool KeepServing { get; set; }

    /// <summary>Overrides <c>serve.registry</c>: where the image is pushed once the smoke test passed; default none.</summary>
    public string? Registry { get; set; }

    /// <summary>Fail up front unless a registry is named (<see cref="Registry"/> or <c>serve.registry</c>); default false.</summary>
    public bool Push { get; set; }

    /// <summary>Overrides <c>serve.save</c>: the <c>docker save</c> archive to write once the smoke test passed; default none.</summary>
    public string? Save { get; set; }

    private protected override StageOptions Configure(StageOptions options) => options with
    {
        KeepServing = KeepServing,
        Registry = string.IsNullOrWhiteSpace(Registry) ? null : Registry,
        Push = Push,
        Save = string.IsNullOrWhiteSpace(Save) ? null : Save,
    };
}
