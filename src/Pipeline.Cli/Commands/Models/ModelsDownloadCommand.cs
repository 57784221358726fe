using System.CommandLine;
using Pipeline.Cli.Commands.Artifacts;
using Pipeline.Cli.Listing;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands.Models;

/// <summary>
/// <c>pipeline models download models:/NAME@ALIAS [--dst DIR]</c>: the model's files into DIR (a new temporary folder by
/// default), checked against its <c>manifest.json</c>; prints the local path, as <c>mlflow artifacts download</c>.
/// </summary>
internal static class ModelsDownloadCommand
{
    public static Command Create()
    {
        var trackingUri = CommonOptions.TrackingUri();
        var uri = new Argument<string>("model-uri") { Description = "models:/NAME@ALIAS, models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME/latest or runs:/RUN_ID/PATH." };
        var destination = new Option<string?>("--dst", "--dst-path", "-d") { Description = "Folder to download into (created when missing). Default: a new temporary folder." };
        var command = new Command("download", "Download a registered model's files (verified against manifest.json) and print where they are.") { uri, destination, trackingUri };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async () =>
        {
            // A malformed URI is a usage error, reported before any store is opened.
            var modelUri = parse.GetValue(uri)!;
            Pipeline.Tracking.Registry.ModelUri.Parse(modelUri);
            await using var session = StoreSession.Open(parse.GetValue(trackingUri));
            var dst = parse.GetValue(destination) is { Length: > 0 } given ? Path.GetFullPath(given) : ArtifactsDownloadCommand.TemporaryFolder();
            Console.WriteLine(await ArtifactDownloader.DownloadAsync(session, modelUri, dst, ct));
            return ExitCodes.Success;
        }));
        return command;
    }
}
