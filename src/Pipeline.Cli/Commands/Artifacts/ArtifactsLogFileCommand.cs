using System.CommandLine;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;
using Pipeline.Tracking;

namespace Pipeline.Cli.Commands.Artifacts;

/// <summary>
/// <c>pipeline artifacts log-file --local-file F --run-id ID [--artifact-path DIR]</c> (alias <c>log-artifact</c>, MLflow's
/// name): attaches any file to a run, under DIR when given; a local folder is logged whole (MLflow's <c>log-artifacts</c>).
/// </summary>
internal static class ArtifactsLogFileCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var runId = ArtifactsCommand.RunId(required: true);
        var path = ArtifactsCommand.ArtifactPath("Folder under the run's artifact root to put the file in (default: the root).");
        var local = new Option<string>("--local-file", "-l", "--local-dir") { Description = "The file (or folder) to attach.", Required = true };
        var command = new Command("log-file", "Attach a local file (or folder) to a run as an artifact.") { local, runId, path, trackingUri };
        command.Aliases.Add("log-artifact");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            var source = parse.GetValue(local)!;
            if (!File.Exists(source) && !Directory.Exists(source))
                throw new TrackingException(ErrorCode.InvalidParameterValue, $"no file or folder at {Path.GetFullPath(source)} (--local-file).");

            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var run = await RunLookup.GetAsync(session, parse.GetValue(runId)!, ct);
            var repository = session.Artifacts.Open(run.Info.ArtifactUri);
            IReadOnlyList<Pipeline.Tracking.Artifacts.ArtifactFile> written = File.Exists(source)
                ? [await repository.LogFileAsync(source, parse.GetValue(path), ct)]
                : await repository.LogDirectoryAsync(source, parse.GetValue(path), ct);
            foreach (var file in written)
                Console.WriteLine($"logged {file.Path} ({file.Size} bytes, sha256 {file.Sha256}) on run {run.Info.RunId}");
            return ExitCodes.Success;
        }));
        return command;
    }
}
