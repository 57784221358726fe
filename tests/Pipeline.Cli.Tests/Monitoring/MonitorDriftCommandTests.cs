using System.Text.Json;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Tests.Monitoring;

/// <summary><c>pipeline monitor drift</c> as a process, on prediction logs the real scoring server wrote.</summary>
public sealed class MonitorDriftCommandTests(DriftLogFixture logs) : IClassFixture<DriftLogFixture>
{
    [Fact]
    public async Task Drift_UnshiftedTestSplit_FlagsNoFeatureAndExitsZero()
    {
        var result = await DriftAsync(logs.PlainLog, "--fail-on", "psi > 0.2", "--output", "json");

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(logs.Rows, json.RootElement.GetProperty("rows").GetInt32());
        Assert.True(json.RootElement.GetProperty("passed").GetBoolean());
        Assert.All(json.RootElement.GetProperty("features").EnumerateArray(), f => Assert.True(f.GetProperty("psi").GetDouble() <= 0.2, f.ToString()));
        Assert.InRange(json.RootElement.GetProperty("prediction_psi").GetDouble(), 0, 0.1);
        Assert.Contains("no tracking database", result.Error);
    }

    [Fact]
    public async Task Drift_OneFeatureShiftedByThreeStd_FlagsThatFeatureOnlyExitsThreeAndWritesTheJobSummary()
    {
        var report = Path.Combine(logs.Root, "report-shifted");

        var summary = Path.Combine(logs.Root, "step-summary.md");
        await File.WriteAllTextAsync(summary, "earlier step output\n");

        var result = await CliProcess.RunAsync(logs.Root, new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary },
            "monitor", "drift", "--model", logs.ModelDirectory, "--log", logs.ShiftedLog, "--fail-on", "psi > 0.2", "--report", report, "--output", "json");

        Assert.True(result.ExitCode == 3, $"exit {result.ExitCode}: {result.Error}");
        using var json = JsonDocument.Parse(result.Output);
        var drifted = json.RootElement.GetProperty("features").EnumerateArray().Where(f => f.GetProperty("psi").GetDouble() > 0.2).ToArray();
        Assert.Equal([DriftLogFixture.ShiftedFeature], drifted.Select(f => f.GetProperty("name").GetString()));
        Assert.True(drifted[0].GetProperty("ks").GetDouble() > 0.5);
        Assert.Contains($"✗ **1 of 30 features** with PSI > 0.2: `{DriftLogFixture.ShiftedFeature}`", await File.ReadAllTextAsync(summary));
        Assert.Contains($"psi.{DriftLogFixture.ShiftedFeature} = ", result.Error);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(report, "drift_report.html")));
        Assert.Contains($"`{DriftLogFixture.ShiftedFeature}`", await File.ReadAllTextAsync(Path.Combine(report, "drift_report.md")));
    }

    [Fact]
    public async Task Drift_WithTrackingStore_RecordsAMonitoringRunWithTheFigures()
    {
        await using var store = new CliStore();
        await store.Store.CreateExperimentAsync("serving"); // the store exists before the check, as after init-store

        var result = await DriftAsync(logs.ShiftedLog, "--tracking-uri", store.Uri, "--report", Path.Combine(store.Folder, "report"));

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(DriftLogFixture.ShiftedFeature, result.Output);
        Assert.Contains("Monitoring run: ", result.Output);
        var experiment = await store.Store.GetExperimentByNameAsync("monitoring");
        var runs = await store.Store.SearchRunsAsync(new RunQuery([experiment!.ExperimentId], "tags.`pipeline.role` = 'monitoring'"));
        var run = Assert.Single(runs.Items);
        Assert.Equal(RunStatus.Finished, run.Info.Status);
        Assert.True(run.Data.Metric($"psi.{DriftLogFixture.ShiftedFeature}") > 0.2);
        Assert.Equal(logs.Rows, run.Data.Metric("rows"));
        Assert.Equal("none", run.Data.Tag("pipeline.drift.verdict"));
    }

    private Task<CliProcess.Result> DriftAsync(string log, params string[] more) =>
        CliProcess.RunAsync(logs.Root, null,
            ["monitor", "drift", "--model", logs.ModelDirectory, "--log", log, .. more.Contains("--report") ? more : [.. more, "--report", Path.Combine(logs.Root, "report")]]);
}
