namespace Pipeline.Stages.Running;

/// <summary>One line per stage saying what it does, for the front ends' help (<c>./build.sh --help</c>, <c>pipeline stages</c>).</summary>
public static class StageDescriptions
{
    /// <summary>What <paramref name="stage"/> does and leaves behind, in one line.</summary>
    public static string Describe(this StageName stage) => stage switch
    {
        StageName.InitStore => "Create or migrate the tracking store and artifact root; create the experiment.",
        StageName.PrepareData => "Validate the data set and split it into train/test (digests and split files on the pipeline run).",
        StageName.Sweep => "Cross-validate every configuration of the search space, one child run per trial.",
        StageName.Select => "Pick the best trial by the declared metric and refit it on the whole training split.",
        StageName.Evaluate => "Score the selected model on the held-out test split; check the quality gates.",
        StageName.Package => "Write the MLflow model directory and register a new version; move the alias.",
        StageName.DockerServe => "Serve the registered model in a Docker container (or a local process without an engine).",
        StageName.SmokeTest => "Check that the served predictions equal the offline ones, and the error path.",
        _ => stage.ToString(),
    };
}
