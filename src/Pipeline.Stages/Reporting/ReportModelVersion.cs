namespace Pipeline.Stages.Reporting;

/// <summary>A registered model version and the aliases naming it.</summary>
public sealed record ReportModelVersion(string Name, long Version, IReadOnlyList<string> Aliases, string? Source)
{
    /// <summary>E.g. <c>models:/breast-cancer-classifier/3</c>.</summary>
    public string VersionUri => $"models:/{Name}/{Version}";
}
