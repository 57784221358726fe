namespace Pipeline.Tracking.Entities;

/// <summary>A run: its attributes, what it logged and the datasets it used.</summary>
public sealed record Run(RunInfo Info, RunData Data, IReadOnlyList<DatasetInput> Inputs);
