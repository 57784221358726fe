using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Tests;

/// <summary>TEST HELPER: a SQLite tracking store in a fresh temp folder, filled through the store API; the folder goes on dispose.</summary>
internal sealed class CliStore : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public CliStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "pipeline-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = new SqliteTrackingStore(Path.Combine(Folder, "mlruns.db"), new Uri(Path.Combine(Folder, "mlartifacts")).AbsoluteUri);
    }

    public string Folder { get; }

    public SqliteTrackingStore Store { get; }

    /// <summary>The four-slash absolute form MLflow reads.</summary>
    public string Uri => "sqlite:///" + Store.DatabasePath;

    /// <summary>A finished run started <paramref name="startOffsetSeconds"/> after <see cref="Start"/> that ran <paramref name="seconds"/>.</summary>
    public async Task<string> RunAsync(string experimentId, string name, int startOffsetSeconds, int seconds,
        IReadOnlyDictionary<string, double>? metrics = null, IReadOnlyDictionary<string, string>? parameters = null, string? parentRunId = null)
    {
        var start = Start.AddSeconds(startOffsetSeconds).ToUnixTimeMilliseconds();
        var tags = parentRunId is null ? new List<RunTag>() : [new RunTag(SystemTags.ParentRunId, parentRunId)];
        var run = await Store.CreateRunAsync(experimentId, "alice", start, tags, name);
        await Store.LogBatchAsync(run.Info.RunId,
            [.. (metrics ?? new Dictionary<string, double>()).Select(m => new Metric(m.Key, m.Value, start, 0))],
            [.. (parameters ?? new Dictionary<string, string>()).Select(p => new Param(p.Key, p.Value))], []);
        await Store.UpdateRunInfoAsync(run.Info.RunId, RunStatus.Finished, start + seconds * 1000L, null);
        return run.Info.RunId;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
