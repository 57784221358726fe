namespace Pipeline.Stages.Running;

/// <summary>The names of the workflow's stages. Their order and dependencies are declared in <see cref="Workflow"/>.</summary>
public enum StageName
{
    /// <summary>Creates or migrates the store; creates the experiment.</summary>
    InitStore,

    /// <summary>Loads, validates and splits the data set.</summary>
    PrepareData,

    /// <summary>Runs the hyperparameter sweep.</summary>
    Sweep,

    /// <summary>Picks the best trial.</summary>
    Select,

    /// <summary>Scores the selected model on the test split and checks the gates.</summary>
    Evaluate,

    /// <summary>Writes the MLflow model directory and registers a version.</summary>
    Package,

    /// <summary>Serves the registered model.</summary>
    DockerServe,

    /// <summary>Checks the served endpoint.</summary>
    SmokeTest,
}
