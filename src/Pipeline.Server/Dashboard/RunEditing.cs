using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Dashboard;

/// <summary>
/// The run page's edits, through MLflow's REST API: delete or restore the run (<c>runs/delete</c>, <c>runs/restore</c>)
/// and its note (tag <c>mlflow.note.content</c>, as MLflow's UI stores it).
/// </summary>
internal static class RunEditing
{
    public static void WriteActions(HtmlBuilder html, Run run)
    {
        var deleted = run.Info.LifecycleStage == LifecycleStage.Deleted;
        EditForm.OpenConfirmed(html, $"/ajax-api/2.0/mlflow/runs/{(deleted ? "restore" : "delete")}", "POST", deleted ? "Restore this run" : "Delete this run",
            deleted ? null : "Delete this run? It leaves the runs table and searches until it is restored.", ("run_id", run.Info.RunId));
        EditForm.Close(html, deleted ? "Restore run" : "Delete run", deleted ? "restore-run" : "delete-run");
    }

    public static void WriteNote(HtmlBuilder html, Run run)
    {
        var note = run.Data.Tag(SystemTags.NoteContent);
        html.Element("h2", "Notes");
        html.Element("p", string.IsNullOrEmpty(note) ? "No notes." : note, string.IsNullOrEmpty(note) ? "class=\"muted\" id=\"note\"" : "class=\"note\" id=\"note\"");
        EditForm.Open(html, "/ajax-api/2.0/mlflow/runs/set-tag", "POST", "Edit the notes", ("run_id", run.Info.RunId), ("key", SystemTags.NoteContent))
            .Raw($"<textarea name=\"value\" rows=\"3\" cols=\"70\" aria-label=\"Notes\">{HtmlBuilder.Attr(note)}</textarea>");
        EditForm.Close(html, "Save notes", "save-note");
    }
}
