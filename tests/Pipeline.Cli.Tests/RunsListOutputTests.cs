using System.Text.Json;
using Pipeline.Tracking.Entities;

namespace Pipeline.Cli.Tests;

/// <summary><c>runs list</c> and <c>experiments list</c>: the selection metric leads, and <c>--output json|csv</c> for scripts.</summary>
public sealed class RunsListOutputTests : IAsyncLifetime
{
    private static readonly string[] EvaluatorMetrics = ["accuracy_score", "f1_score", "log_loss", "precision_score", "recall_score", "roc_auc"];
    private readonly CliStore _store = new();
    private string _experimentId = "", _sweep = "", _trial = "";

    public async Task InitializeAsync()
    {
        _experimentId = await _store.Store.CreateExperimentAsync("breast-cancer");
        _sweep = await _store.RunAsync(_experimentId, "sweep", 0, 60);
        // What the select stage records on the sweep run.
        await _store.Store.LogBatchAsync(_sweep, [], [], [new RunTag("pipeline.selected_by", "roc_auc (maximize)")]);
        _trial = await _store.RunAsync(_experimentId, "lbfgs_logistic_regression-C0.5", 1, 2,
            EvaluatorMetrics.ToDictionary(m => m, m => 0.912345), new Dictionary<string, string> { ["C"] = "0.5" }, _sweep);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<CliProcess.Result> RunAsync(params string[] arguments) =>
        CliProcess.RunAsync(_store.Folder, null, [.. arguments, "--tracking-uri", _store.Uri]);

    [Fact]
    public async Task RunsList_SelectionMetricTag_PutsItBeforeEveryOtherMetric()
    {
        var result = await RunAsync("runs", "list", "--experiment", "breast-cancer");

        Assert.Equal(0, result.ExitCode);
        var header = result.Output.Split('\n').First(l => l.TrimStart().StartsWith("run id", StringComparison.Ordinal));
        var auc = header.IndexOf("metrics.roc_auc", StringComparison.Ordinal);
        Assert.True(auc > 0);
        Assert.All(EvaluatorMetrics.Where(m => m != "roc_auc"), m => Assert.True(header.IndexOf($"metrics.{m}", StringComparison.Ordinal) > auc, m));
    }

    [TerminalFact]
    public async Task RunsList_Terminal140Columns_KeepsTheSelectionMetricVisible()
    {
        var (exitCode, screen) = await TerminalProcess.RunAsync(_store.Folder, 140, "runs", "list", "--tracking-uri", _store.Uri, "--experiment", "breast-cancer");

        Assert.Equal(0, exitCode);
        var header = Assert.Single(screen.Split('\n'), l => l.TrimStart().StartsWith("run id", StringComparison.Ordinal));
        Assert.Contains("metrics.roc_auc", header);
        Assert.Contains("do not fit the terminal's 140 characters", screen);
    }

    [Fact]
    public async Task RunsList_OutputJson_PrintsMlflowRunDictionariesWithWholeIds()
    {
        var result = await RunAsync("runs", "list", "--experiment", "breast-cancer", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var trial = Assert.Single(json.RootElement.EnumerateArray(), r => r.GetProperty("info").GetProperty("run_id").GetString() == _trial);
        Assert.Equal(0.912345, trial.GetProperty("data").GetProperty("metrics").GetProperty("roc_auc").GetDouble());
        Assert.Equal(_sweep, trial.GetProperty("data").GetProperty("tags").GetProperty("mlflow.parentRunId").GetString());
    }

    [Fact]
    public async Task RunsList_OutputCsv_HasAHeaderAndOneLinePerRunWithWholeIds()
    {
        var result = await RunAsync("runs", "list", "--experiment", "breast-cancer", "-o", "csv");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("run id,name,status,start time (UTC),duration,parent,metrics.roc_auc,", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{_trial},lbfgs_logistic_regression-C0.5,FINISHED,", Assert.Single(lines, l => l.StartsWith(_trial, StringComparison.Ordinal)));
        Assert.Contains($",{_sweep},0.912345,", lines.Single(l => l.StartsWith(_trial, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExperimentsList_OutputJson_PrintsEveryExperiment()
    {
        var result = await RunAsync("experiments", "list", "--output", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(["0", _experimentId], json.RootElement.EnumerateArray().Select(e => e.GetProperty("experiment_id").GetString()));
        Assert.Equal("breast-cancer", json.RootElement[1].GetProperty("name").GetString());
    }
}
