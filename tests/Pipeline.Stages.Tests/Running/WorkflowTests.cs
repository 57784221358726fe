using Pipeline.Stages.Running;

namespace Pipeline.Stages.Tests.Running;

public sealed class WorkflowTests
{
    [Fact]
    public void Stages_DeclareEveryStageOnce_EachAfterWhatItDependsOn()
    {
        Assert.Equal(Enum.GetValues<StageName>().Order(), Workflow.Stages.Select(s => s.Name).Order());
        var seen = new HashSet<StageName>();
        foreach (var stage in Workflow.Stages)
        {
            Assert.All(stage.DependsOn, d => Assert.Contains(d, seen));
            Assert.False(string.IsNullOrWhiteSpace(stage.Description));
            seen.Add(stage.Name);
        }
    }

    [Fact]
    public void WithPredecessors_OfPackage_IsEveryStageUpToPackage_InOrder() =>
        Assert.Equal(
            [StageName.InitStore, StageName.PrepareData, StageName.Sweep, StageName.Select, StageName.Evaluate, StageName.Package],
            Workflow.WithPredecessors(StageName.Package));

    [Fact]
    public void WithPredecessors_OfTheFirstStage_IsItAlone() =>
        Assert.Equal([StageName.InitStore], Workflow.WithPredecessors(StageName.InitStore));

    [Fact]
    public void ContractFor_EveryStage_IsThatStagesContract()
    {
        foreach (var stage in Workflow.Stages)
            Assert.Equal(stage.Name, Workflow.ContractFor(stage.Name).Name);
    }
}
