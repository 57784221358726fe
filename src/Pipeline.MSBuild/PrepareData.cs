using Pipeline.Stages.Running;

namespace Pipeline.MSBuild;

/// <summary>MSBuild task for the PrepareData stage: loads and validates the data set, splits it and records the dataset on the pipeline run.</summary>
public sealed class PrepareData() : StageTask(StageName.PrepareData);
