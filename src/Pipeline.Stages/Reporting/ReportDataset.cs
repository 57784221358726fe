namespace Pipeline.Stages.Reporting;

/// <summary>The dataset prepare-data recorded: name, digest, file and row counts (null when not logged).</summary>
public sealed record ReportDataset(string Name, string Digest, string? Path, long? Rows, long? TrainRows, long? TestRows);
