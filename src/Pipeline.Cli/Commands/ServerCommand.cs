using System.CommandLine;
using Pipeline.Server.Hosting;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline server</c>: runs the MLflow-compatible tracking server until Ctrl+C, with <c>mlflow server</c>'s option
/// names (<c>--backend-store-uri</c>, <c>--artifacts-destination</c>, <c>--host</c>, <c>--port</c>, ...).
/// </summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var defaults = new TrackingServerOptions();
        var backend = new Option<string>("--backend-store-uri") { Description = "Tracking store URI (sqlite:///path.db, postgresql://...).", DefaultValueFactory = _ => defaults.BackendStoreUri };
        var destination = new Option<string>("--artifacts-destination") { Description = "Where the artifact proxy stores files: a folder, s3://bucket/prefix or wasbs://container@account.blob.core.windows.net/prefix.", DefaultValueFactory = _ => defaults.ArtifactsDestination };
        var root = new Option<string?>("--default-artifact-root") { Description = "Artifact root of new experiments (default mlflow-artifacts:/ through the proxy)." };
        var noServe = new Option<bool>("--no-serve-artifacts") { Description = "Do not run the artifact proxy." };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 for every interface).", DefaultValueFactory = _ => defaults.Host };
        var port = new Option<int>("--port") { Description = "Port to listen on (0 picks a free one).", DefaultValueFactory = _ => defaults.Port };
        var token = new Option<string?>("--auth-token") { Description = $"Require this bearer token (or basic password) on every request but /health; env {TrackingServerArguments.AuthTokenVariable}." };
        var quiet = new Option<bool>("--no-request-log") { Description = "Do not log one line per request." };
        var maxUpload = new Option<string?>("--max-artifact-upload-size") { Description = "Largest file one artifact upload may be (bytes, or 512M, 2G; 0 for no limit; default 1G): larger ones get 413." };
        var command = new Command("server", "Run the MLflow-compatible tracking server.") { backend, destination, root, noServe, host, port, token, quiet, maxUpload };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var options = new TrackingServerOptions
                {
                    BackendStoreUri = parse.GetValue(backend)!,
                    ArtifactsDestination = parse.GetValue(destination)!,
                    DefaultArtifactRoot = parse.GetValue(root),
                    ServeArtifacts = !parse.GetValue(noServe),
                    Host = parse.GetValue(host)!,
                    Port = parse.GetValue(port),
                    AuthToken = parse.GetValue(token) ?? Environment.GetEnvironmentVariable(TrackingServerArguments.AuthTokenVariable),
                    LogRequests = !parse.GetValue(quiet),
                    MaxArtifactUploadBytes = parse.GetValue(maxUpload) is { } size
                        ? ByteSize.Parse(size, "--max-artifact-upload-size")
                        : TrackingServerOptions.DefaultMaxArtifactUploadBytes,
                };
                await using var server = await TrackingServerHost.StartAsync(options, ct: ct);
                Console.WriteLine($"Tracking server listening on {server.BaseUri}");
                await server.WaitForShutdownAsync(ct);
                return ExitCodes.Success;
            }
            catch (TrackingServerStartupException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
