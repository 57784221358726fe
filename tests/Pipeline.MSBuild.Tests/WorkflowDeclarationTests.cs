using System.Xml.Linq;
using Pipeline.MSBuild.Tests.Infrastructure;
using Pipeline.Stages.Running;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// The workflow is declared once (<see cref="Workflow"/>); Cake generates its tasks from it and MSBuild's targets are
/// held to it here: a stage added, removed or reordered in one place and not the other fails these tests.
/// </summary>
public sealed class WorkflowDeclarationTests
{
    private static readonly XNamespace None = XNamespace.None;
    private static readonly XDocument Targets = XDocument.Load(Path.Combine(Repository.Root, "build", "Pipeline.targets"));

    [Fact]
    public void PipelineTargets_DeclareOneTargetPerStage_DependingOnExactlyTheWorkflowsDependencies()
    {
        foreach (var stage in Workflow.Stages)
        {
            var target = Targets.Root!.Elements("Target").SingleOrDefault(t => (string?)t.Attribute("Name") == $"Pipeline{stage.Name}");
            Assert.True(target is not null, $"build/Pipeline.targets has no target Pipeline{stage.Name}");
            var expected = stage.DependsOn.Count == 0 ? ["_PipelineResolveInputs"] : stage.DependsOn.Select(d => $"Pipeline{d}").ToArray();
            var actual = ((string?)target.Attribute("DependsOnTargets") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(expected.SequenceEqual(actual), $"Pipeline{stage.Name} depends on '{string.Join(';', actual)}'; the workflow says '{string.Join(';', expected)}'");
            Assert.True(target.Elements(stage.Name.ToString()).Count() == 1, $"Pipeline{stage.Name} does not call the {stage.Name} task once");
        }
    }

    [Fact]
    public void PipelineTargets_HaveNoStageTargetTheWorkflowLacks()
    {
        var stageTargets = Targets.Root!.Elements("Target").Select(t => (string)t.Attribute("Name")!)
            .Where(n => n.StartsWith("Pipeline", StringComparison.Ordinal));
        Assert.Equal(Workflow.Stages.Select(s => $"Pipeline{s.Name}").Order(), stageTargets.Order());
    }

    [Fact]
    public void EveryStage_HasAnMSBuildTask_RegisteredWithUsingTask()
    {
        var registered = Targets.Root!.Elements("UsingTask").Select(u => (string)u.Attribute("TaskName")!).ToHashSet();
        foreach (var stage in Workflow.Stages)
        {
            var type = typeof(StageTask).Assembly.GetType($"Pipeline.MSBuild.{stage.Name}");
            Assert.True(type is not null && type.IsSubclassOf(typeof(StageTask)), $"Pipeline.MSBuild has no task class {stage.Name}");
            Assert.Contains($"Pipeline.MSBuild.{stage.Name}", registered);
        }
    }

    [Fact]
    public void CakeScript_GeneratesItsStageTasksFromTheWorkflow()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, "build", "build.cake"));
        Assert.Contains("foreach (var stage in Workflow.Stages)", script);
        foreach (var stage in Workflow.Stages)
            Assert.DoesNotContain($"Task(\"{stage.Name}\")", script);
    }
}
