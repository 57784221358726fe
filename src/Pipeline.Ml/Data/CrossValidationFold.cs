namespace Pipeline.Ml.Data;

/// <summary>One fold of a K-fold partition: row indices (ascending) into the partitioned table.</summary>
/// <param name="Index">The 0-based fold number.</param>
/// <param name="TrainRows">The rows to fit on (every other fold).</param>
/// <param name="ValidationRows">The rows held out in this fold.</param>
public sealed record CrossValidationFold(int Index, IReadOnlyList<int> TrainRows, IReadOnlyList<int> ValidationRows);
