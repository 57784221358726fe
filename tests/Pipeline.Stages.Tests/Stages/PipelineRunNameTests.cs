using Pipeline.Stages.Stages.PrepareData;

namespace Pipeline.Stages.Tests.Stages;

public class PipelineRunNameTests
{
    [Fact]
    public void PipelineRunName_WithACommit_NamesExperimentUtcStartAndShortCommit()
    {
        var name = PrepareDataStage.PipelineRunName("breast-cancer", 1_764_693_558_000, "a3b48cfdd0c7c9ce13d64f45cddbd4bbfbefa5f6");

        Assert.Equal("breast-cancer 2025-12-02 16:39 a3b48cf", name);
    }

    [Fact]
    public void PipelineRunName_OutsideGit_NamesExperimentAndStart()
    {
        Assert.Equal("wine 2025-12-02 16:39", PrepareDataStage.PipelineRunName("wine", 1_764_693_558_000, null));
    }
}
