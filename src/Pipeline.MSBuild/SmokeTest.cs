using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the SmokeTest stage: checks that the served predictions equal the offline ones.</summary>
public sealed class SmokeTest() : StageTask(StageName.SmokeTest);
