using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Cli.Output;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Artifacts;
using Spectre.Console;

namespace Pipeline.Cli.Commands.Artifacts;

/// <summary>
/// <c>pipeline artifacts list --run-id ID [--artifact-path DIR] [--recursive]</c>: the files and folders directly under a
/// run's artifact root or DIR (every file below with <c>--recursive</c>); <c>--output json</c> prints MLflow's
/// <c>FileInfo</c> list as <c>mlflow artifacts list</c> does.
/// </summary>
internal static class ArtifactsListCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var output = OutputOption.Create();
        var runId = ArtifactsCommand.RunId(required: true);
        var path = ArtifactsCommand.ArtifactPath("A folder relative to the run's artifact root to list.");
        var recursive = new Option<bool>("--recursive") { Description = "List every file below, not only the direct children." };
        var command = new Command("list", "List a run's artifacts.") { runId, path, recursive, output, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var run = await RunLookup.GetAsync(session, parse.GetValue(runId)!, ct);
            var repository = session.Artifacts.Open(run.Info.ArtifactUri);
            var entries = parse.GetValue(recursive)
                ? await WalkAsync(repository, parse.GetValue(path), ct)
                : await repository.ListAsync(parse.GetValue(path), ct);
            DataViewWriter.Write(View(entries), OutputOption.Parse(parse.GetValue(output)));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<ArtifactEntry>> WalkAsync(IArtifactRepository repository, string? folder, CancellationToken ct)
    {
        var files = new List<ArtifactEntry>();
        foreach (var entry in await repository.ListAsync(folder, ct))
        {
            if (entry.IsDir)
                files.AddRange(await WalkAsync(repository, entry.Path, ct));
            else
                files.Add(entry);
        }

        return files;
    }

    private static DataView View(IReadOnlyList<ArtifactEntry> entries)
    {
        var rows = entries.Select(e => (IReadOnlyList<string>)
        [
            e.IsDir ? e.Path + "/" : e.Path,
            e.IsDir ? "folder" : "file",
            e.FileSize is { } size ? Cells.Bytes(size) : "",
            e.FileSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ]).ToList();
        return new DataView(["path", "type", "size", "bytes"], rows, w =>
        {
            w.WriteStartArray();
            foreach (var entry in entries)
                EntityJson.WriteFileInfo(w, entry);
            w.WriteEndArray();
        })
        { Style = (r, c) => c == 0 && entries[r].IsDir ? new Style(Color.Blue) : (Style?)null };
    }
}
