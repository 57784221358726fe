using System.CommandLine;
using Pipeline.Tracking.Entities;

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

    /// <summary><c>--view active|deleted|all</c> (default active): which lifecycle stage a listing shows, as MLflow's <c>--view</c>.</summary>
    public static Option<string> View(string items)
    {
        var view = new Option<string>("--view")
        {
            Description = $"Which {items}: active, deleted or all.",
            DefaultValueFactory = _ => "active",
        };
        view.AcceptOnlyFromAmong("active", "deleted", "all");
        return view;
    }

    public static ViewType ParseView(string? view) => view switch
    {
        "deleted" => ViewType.DeletedOnly,
        "all" => ViewType.All,
        _ => ViewType.ActiveOnly,
    };
}
