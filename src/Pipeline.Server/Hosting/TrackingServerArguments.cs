using System.Globalization;

namespace Pipeline.Server.Hosting;

/// <summary>
/// Reads <see cref="TrackingServerOptions"/> from <c>mlflow server</c>-style arguments: <c>--backend-store-uri</c>,
/// <c>--artifacts-destination</c>, <c>--default-artifact-root</c>, <c>--serve-artifacts</c> / <c>--no-serve-artifacts</c>,
/// <c>--host</c>, <c>--port</c>, <c>--auth-token</c>, <c>--no-request-log</c>,
/// <c>--max-artifact-upload-size</c>; <c>--name value</c> or <c>--name=value</c>.
/// The token may come from env <c>PIPELINE_SERVER_AUTH_TOKEN</c> instead.
/// </summary>
public static class TrackingServerArguments
{
    /// <summary>The environment variable holding the auth token when <c>--auth-token</c> is not given.</summary>
    public const string AuthTokenVariable = "PIPELINE_SERVER_AUTH_TOKEN";

    /// <summary>Parses <paramref name="args"/>; an unknown option or a bad value throws <see cref="TrackingServerStartupException"/> naming it.</summary>
    public static TrackingServerOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new TrackingServerOptions { AuthToken = environment(AuthTokenVariable) };
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = args[i].IndexOf('=') is var eq and > 0 ? (args[i][..eq], args[i][(eq + 1)..]) : (args[i], null);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new TrackingServerStartupException($"Option {name} needs a value."));
            options = name switch
            {
                "--backend-store-uri" => options with { BackendStoreUri = Value() },
                "--artifacts-destination" => options with { ArtifactsDestination = Value() },
                "--default-artifact-root" => options with { DefaultArtifactRoot = Value() },
                "--serve-artifacts" => options with { ServeArtifacts = true },
                "--no-serve-artifacts" => options with { ServeArtifacts = false },
                "--host" or "-h" => options with { Host = Value() },
                "--port" or "-p" => options with { Port = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port
                    : throw new TrackingServerStartupException($"--port needs a number, got '{args[i]}'.") },
                "--auth-token" => options with { AuthToken = Value() },
                "--no-request-log" => options with { LogRequests = false },
                "--max-artifact-upload-size" => options with { MaxArtifactUploadBytes = ByteSize.Parse(Value(), name) },
                _ => throw new TrackingServerStartupException($"Unknown option '{args[i]}'. Known: --backend-store-uri, --artifacts-destination, " +
                    "--default-artifact-root, --serve-artifacts, --no-serve-artifacts, --host, --port, --auth-token, --no-request-log, " +
                    "--max-artifact-upload-size."),
            };
        }

        return options;
    }
}
