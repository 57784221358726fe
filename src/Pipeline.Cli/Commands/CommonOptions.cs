using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>The options shared by every command, declared once so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Pipeline() => new("--pipeline", "-p")
    {
        Description = "The pipeline file.",
        DefaultValueFactory = _ => "pipelines/breast-cancer.yaml",
    };

    public static Option<string?> TrackingUri() => new("--tracking-uri")
    {
        Description = "Tracking store URI (sqlite:///path, postgresql://...); overrides the pipeline file and MLFLOW_TRACKING_URI.",
    };

    public static Option<string?> Output() => new("--output", "-o")
    {
        Description = "Folder for the Markdown summary and HTML report written after each stage. Default: out/<experiment>.",
    };

    public static Option<bool> Force() => new("--force")
    {
        Description = "Rerun stages even when their inputs are unchanged.",
    };
}
