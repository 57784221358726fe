using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.Running;

public class StageNamesTests
{
    [Theory]
    [InlineData("PrepareData", StageName.PrepareData)]
    [InlineData("prepare-data", StageName.PrepareData)]
    [InlineData("prepare_data", StageName.PrepareData)]
    [InlineData("SMOKE-TEST", StageName.SmokeTest)]
    public void TryParse_AnySpelling_FindsTheStage(string text, StageName expected)
    {
        Assert.True(StageNames.TryParse(text, out var stage));
        Assert.Equal(expected, stage);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("")]
    [InlineData("7")]
    public void TryParse_UnknownName_Fails(string text) => Assert.False(StageNames.TryParse(text, out _));

    [Fact]
    public void InWorkflowOrder_IsTheDesignOrder() =>
        Assert.Equal(
            ["init-store", "prepare-data", "sweep", "select", "evaluate", "package", "docker-serve", "smoke-test"],
            StageNames.InWorkflowOrder.Select(s => s.ToCliName()));
}
