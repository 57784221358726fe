namespace Pipeline.Ml.Data;

/// <summary>A train/test split: the two tables and the source row indices (ascending) of each.</summary>
public sealed record DataSplit(DataTable Train, DataTable Test, IReadOnlyList<int> TrainRows, IReadOnlyList<int> TestRows);
