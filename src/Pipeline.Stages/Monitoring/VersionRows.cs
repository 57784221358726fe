namespace Pipeline.Stages.Monitoring;

/// <summary>What one model version answered that a label arrived for.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Role">The role it served in most often (<c>champion</c>, <c>challenger</c>, <c>shadow</c>), or null.</param>
/// <param name="Rows">Its predictions joined with their labels, in log order.</param>
/// <param name="LoggedRows">Rows it answered in the log.</param>
/// <param name="UnlabelledRows">Of those, rows no label arrived for.</param>
public sealed record VersionRows(string Version, string? Role, IReadOnlyList<JoinedRow> Rows, int LoggedRows, int UnlabelledRows);
