namespace Pipeline.Stages.Spec;

/// <summary>
/// A validated pipeline file (<c>pipelines/*.yaml</c>). Produced only by <see cref="PipelineSpecLoader"/>,
/// which checks the whole file first, so every value here is known to be usable.
/// </summary>
/// <param name="SourcePath">The full path of the YAML file the spec was read from.</param>
/// <param name="Experiment">
/// <c>experiment</c> (string, required): the MLflow experiment name, at most 500 characters.
/// </param>
/// <param name="Tracking"><c>tracking</c> (mapping, optional): where runs and artifacts go.</param>
/// <param name="Data"><c>data</c> (mapping, required): the data set, label, task kind and split.</param>
/// <param name="Sweep"><c>sweep</c> (mapping, required): the search space and how it is searched.</param>
/// <param name="Select"><c>select</c> (mapping, required): how the best configuration is chosen.</param>
/// <param name="Evaluate"><c>evaluate</c> (mapping, optional): gates on the held-out test metrics.</param>
/// <param name="Model"><c>model</c> (mapping, required): the registered model name and alias.</param>
/// <param name="Serve"><c>serve</c> (mapping, optional): serving options.</param>
public sealed record PipelineSpec(
    string SourcePath,
    string Experiment,
    TrackingSpec Tracking,
    DataSpec Data,
    SweepSpec Sweep,
    SelectSpec Select,
    EvaluateSpec Evaluate,
    ModelSpec Model,
    ServeSpec Serve);
