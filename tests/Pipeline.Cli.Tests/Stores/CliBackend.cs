using System.Diagnostics;
using Npgsql;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Rest;

namespace Pipeline.Cli.Tests.Stores;

/// <summary>
/// TEST HELPER: one tracking backend the CLI is pointed at, filled through the same store, registry and artifact APIs
/// the pipeline uses: a SQLite file, a fresh PostgreSQL database (dropped on dispose), or our tracking server
/// (<c>pipeline server</c> on a free port over SQLite, artifacts through its proxy). Everything lives in a temp folder.
/// </summary>
internal sealed class CliBackend : IAsyncDisposable
{
    public const string PostgresVariable = "PIPELINE_TEST_POSTGRES_URI";
    public const string PostgresSkip = $"PostgreSQL tests skipped: {PostgresVariable} is not set (e.g. run 'bash .ci/postgres.sh start' and export the line it prints).";

    private Process? _server;
    private string? _adminConnection;
    private string? _database;

    private CliBackend(string folder) => Folder = folder;

    public string Folder { get; }

    /// <summary>The URI the CLI gets as <c>--tracking-uri</c>.</summary>
    public string Uri { get; private set; } = "";

    private TrackingBackend _backend = null!;

    public ITrackingStore Store => _backend.Store;

    public IModelRegistry Registry => _backend.Registry;

    public ArtifactRepositoryRegistry Artifacts => _backend.Artifacts;

    public static async Task<CliBackend> StartAsync(string kind)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var backend = new CliBackend(folder);
        var artifactRoot = new System.Uri(Path.Combine(folder, "mlartifacts")).AbsoluteUri;
        switch (kind)
        {
            case "sqlite":
                backend.Uri = "sqlite:///" + Path.Combine(folder, "mlruns.db");
                break;
            case "postgres":
                var admin = Environment.GetEnvironmentVariable(PostgresVariable)!;
                backend._adminConnection = PostgresUri.ToConnectionString(admin);
                backend._database = $"pipeline_cli_test_{Guid.NewGuid():N}";
                await backend.ExecuteAdminAsync($"CREATE DATABASE \"{backend._database}\"");
                backend.Uri = new UriBuilder(admin) { Path = "/" + backend._database }.Uri.ToString();
                break;
            case "http":
                var server = await StartServerAsync(folder);
                backend._server = server.Process;
                backend.Uri = server.Uri.AbsoluteUri.TrimEnd('/');
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        // The same composition root the CLI opens stores through (artifacts behind the server go through its proxy).
        backend._backend = TrackingComposition.ForProcess().Open(backend.Uri, artifactRoot);
        return backend;
    }

    public Task<CliProcess.Result> RunAsync(params string[] arguments) =>
        CliProcess.RunAsync(Folder, null, [.. arguments, "--tracking-uri", Uri]);

    public async ValueTask DisposeAsync()
    {
        await _backend.DisposeAsync();
        if (_server is { } server)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            server.Dispose();
        }

        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        }

        Directory.Delete(Folder, recursive: true);
    }

    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Starts <c>pipeline server --port 0</c> and reads the address it prints.</summary>
    private static async Task<(Process Process, System.Uri Uri)> StartServerAsync(string folder)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var argument in new[] { CliProcess.DllPath, "server", "--backend-store-uri", "sqlite:///" + Path.Combine(folder, "server.db"),
                     "--artifacts-destination", Path.Combine(folder, "proxied"), "--host", "127.0.0.1", "--port", "0", "--no-request-log" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("MLFLOW_TRACKING_URI");
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            const string Prefix = "Tracking server listening on ";
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                // Keep draining stdout so the server never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                return (process, new System.Uri(line[Prefix.Length..].Trim()));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"pipeline server exited (code {process.ExitCode}) before it listened.");
    }
}
