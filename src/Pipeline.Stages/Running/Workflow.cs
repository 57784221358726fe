using Pipeline.Stages.Stages.Evaluate;
using Pipeline.Stages.Stages.InitStore;
using Pipeline.Stages.Stages.Package;
using Pipeline.Stages.Stages.PrepareData;
using Pipeline.Stages.Stages.Select;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Stages.Sweep;

namespace Pipeline.Stages.Running;

/// <summary>
/// The workflow, declared once: the stages in order, what each depends on and what it does. Cake's tasks are generated
/// from it (<c>build/build.cake</c>), the CLI runs a stage's predecessors from it, and a test holds MSBuild's targets
/// (<c>build/Pipeline.targets</c>) to it. Adding a stage is a folder with its contract, a <see cref="StageName"/>, a line
/// here, an MSBuild task class and its target.
/// </summary>
public static class Workflow
{
    /// <summary>Every stage, in the order a full run executes them.</summary>
    public static IReadOnlyList<WorkflowStage> Stages { get; } =
    [
        new(StageName.InitStore, [], "Create or migrate the tracking store and artifact root; create the experiment."),
        new(StageName.PrepareData, [StageName.InitStore], "Load and validate the data set, split it, record the dataset on a pipeline run."),
        new(StageName.Sweep, [StageName.PrepareData], "One child run per configuration of the search space, cross-validated on the training split."),
        new(StageName.Select, [StageName.Sweep], "Pick the best trial by the declared metric and refit it on the training split."),
        new(StageName.Evaluate, [StageName.Select], "Score the selected model on the held-out test split and check the gates."),
        new(StageName.Package, [StageName.Evaluate], "Write the MLflow model directory and register a new version; move the alias."),
        new(StageName.DockerServe, [StageName.Package], "Serve the registered model from a Docker image (or a local process)."),
        new(StageName.SmokeTest, [StageName.DockerServe], "Check the endpoint answers as the model does offline; stop it."),
    ];

    /// <summary>The declaration of <paramref name="stage"/>.</summary>
    public static WorkflowStage Get(StageName stage) => Stages.First(s => s.Name == stage);

    /// <summary>The contract that runs <paramref name="stage"/>.</summary>
    public static IStageContract ContractFor(StageName stage) => stage switch
    {
        StageName.InitStore => new InitStoreContract(),
        StageName.PrepareData => new PrepareDataContract(),
        StageName.Sweep => new SweepContract(),
        StageName.Select => new SelectContract(),
        StageName.Evaluate => new EvaluateContract(),
        StageName.Package => new PackageContract(),
        StageName.DockerServe => new DockerServeContract(),
        StageName.SmokeTest => new SmokeTestContract(),
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a stage of the workflow."),
    };

    /// <summary>
    /// <paramref name="stage"/> and every stage it depends on, directly or not, in workflow order: what
    /// <c>pipeline run &lt;stage&gt;</c>, Cake's <c>--target</c> and MSBuild's <c>-t:</c> run.
    /// </summary>
    public static IReadOnlyList<StageName> WithPredecessors(StageName stage)
    {
        var needed = new HashSet<StageName>();
        var pending = new Stack<StageName>([stage]);
        while (pending.TryPop(out var next))
            if (needed.Add(next))
                foreach (var dependency in Get(next).DependsOn)
                    pending.Push(dependency);
        return Stages.Select(s => s.Name).Where(needed.Contains).ToList();
    }
}
