using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands.Artifacts;

/// <summary>
/// <c>pipeline artifacts download (--run-id ID [--artifact-path P] | --artifact-uri URI) [--dst-path DIR]</c>, as
/// <c>mlflow artifacts download</c>: a file or folder into DIR (a new temporary folder by default); prints the local path.
/// </summary>
internal static class ArtifactsDownloadCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var runId = ArtifactsCommand.RunId(required: false);
        var path = ArtifactsCommand.ArtifactPath("With --run-id: a file or folder relative to the run's artifact root (default: all of it).");
        var uri = new Option<string?>("--artifact-uri", "-u")
        {
            Description = "What to download instead of --run-id: runs:/RUN_ID/PATH, models:/NAME@ALIAS, or an artifact location (file://, mlflow-artifacts:/...).",
        };
        var destination = new Option<string?>("--dst-path", "-d", "--dst") { Description = "Folder to download into (created when missing). Default: a new temporary folder." };
        var command = new Command("download", "Download a run's artifact file or folder, or what an artifact URI names, and print where it is.") { runId, path, uri, destination, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var (id, artifactUri) = (parse.GetValue(runId), parse.GetValue(uri));
            if ((id is null) == (artifactUri is null))
                return CommandRunner.Usage("give exactly one of --run-id and --artifact-uri.");
            if (artifactUri is not null && parse.GetValue(path) is not null)
                return CommandRunner.Usage("--artifact-path goes with --run-id; with --artifact-uri, put the path in the URI.");

            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var dst = parse.GetValue(destination) is { Length: > 0 } given ? Path.GetFullPath(given) : TemporaryFolder();
            string local;
            if (artifactUri is not null)
            {
                local = await ArtifactDownloader.DownloadAsync(session, artifactUri, dst, ct);
            }
            else
            {
                var run = await RunLookup.GetAsync(session, id!, ct);
                local = await ArtifactDownloader.DownloadFromAsync(session, run.Info.ArtifactUri, parse.GetValue(path) ?? "", dst, ct);
            }

            Console.WriteLine(local);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>A new, uniquely named folder under the system's temporary folder (MLflow's default destination).</summary>
    public static string TemporaryFolder() => Directory.CreateTempSubdirectory("pipeline-artifacts-").FullName;
}
