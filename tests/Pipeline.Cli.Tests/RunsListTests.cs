namespace Pipeline.Cli.Tests;

public sealed class RunsListTests : IAsyncLifetime
{
    private readonly CliStore _store = new();
    private string _experimentId = "";
    private string _best = "", _good = "", _weak = "", _sweep = "", _child = "";

    public async Task InitializeAsync()
    {
        _experimentId = await _store.Store.CreateExperimentAsync("breast-cancer");
        _weak = await _store.RunAsync(_experimentId, "weak", 0, 5,
            new Dictionary<string, double> { ["roc_auc"] = 0.81, ["accuracy"] = 0.8 }, new Dictionary<string, string> { ["solver"] = "lbfgs" });
        _best = await _store.RunAsync(_experimentId, "best", 10, 75,
            new Dictionary<string, double> { ["roc_auc"] = 0.99, ["accuracy"] = 0.95 }, new Dictionary<string, string> { ["solver"] = "lbfgs", ["C"] = "3" });
        _good = await _store.RunAsync(_experimentId, "good", 20, 1,
            new Dictionary<string, double> { ["roc_auc"] = 0.93 }, new Dictionary<string, string> { ["solver"] = "liblinear" });
        _sweep = await _store.RunAsync(_experimentId, "sweep", 30, 120);
        _child = await _store.RunAsync(_experimentId, "trial-1", 31, 2, new Dictionary<string, double> { ["roc_auc"] = 0.5 }, parentRunId: _sweep);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Task<CliProcess.Result> ListAsync(params string[] arguments) =>
        CliProcess.RunAsync(_store.Folder, null, ["runs", "list", "--tracking-uri", _store.Uri, .. arguments]);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string LineOf(string output, string shortId) => Assert.Single(Lines(output), l => l.StartsWith(shortId, StringComparison.Ordinal));

    [Fact]
    public async Task FilterAndOrderBy_PrintsOnlyMatchingRunsInOrder()
    {
        var result = await ListAsync("--experiment", "breast-cancer", "--filter", "metrics.roc_auc > 0.9", "--order-by", "metrics.roc_auc DESC");

        Assert.Equal(0, result.ExitCode);
        var rows = Lines(result.Output).Where(l => l.StartsWith(_best[..8]) || l.StartsWith(_good[..8]) || l.StartsWith(_weak[..8])).ToList();
        Assert.Equal([_best[..8], _good[..8]], rows.Select(r => r[..8]));
        Assert.DoesNotContain(_weak[..8], result.Output);
        var best = LineOf(result.Output, _best[..8]);
        Assert.Contains("FINISHED", best);
        Assert.Contains("2025-06-01 12:00:10", best);
        Assert.Contains("1m 15s", best);
        Assert.Contains("0.99", best);
    }

    [Fact]
    public async Task Columns_FilterMetricFirstThenOtherMetricsSortedThenParams()
    {
        var result = await ListAsync("--experiment", _experimentId, "--filter", "metrics.roc_auc > 0");

        Assert.Equal(0, result.ExitCode);
        var header = Lines(result.Output).First(l => l.StartsWith("run id", StringComparison.Ordinal));
        var columns = new[] { "run id", "name", "status", "start time (UTC)", "duration", "parent", "metrics.roc_auc", "metrics.accuracy", "params.C", "params.solver" };
        Assert.Equal(columns, columns.OrderBy(c => header.IndexOf(c, StringComparison.Ordinal)));
        Assert.All(columns, c => Assert.Contains(c, header));
        // Aligned: every value of a column starts where its header does.
        var auc = header.IndexOf("metrics.roc_auc", StringComparison.Ordinal);
        Assert.Equal("0.99", LineOf(result.Output, _best[..8]).Substring(auc, 4));
        Assert.Equal("0.81", LineOf(result.Output, _weak[..8]).Substring(auc, 4));
    }

    [Fact]
    public async Task ChildRun_FollowsItsParentIndentedWithShortParentId()
    {
        var result = await ListAsync("--experiment", "breast-cancer");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Output).Where(l => l.Length >= 8).Select(l => l[..8]).ToList();
        Assert.Equal(lines.IndexOf(_sweep[..8]) + 1, lines.IndexOf(_child[..8]));
        var child = LineOf(result.Output, _child[..8]);
        Assert.Contains("  trial-1", child);
        Assert.Contains(_sweep[..8], child[8..]);
    }

    [Fact]
    public async Task OutputRedirected_HasNoAnsiEscapesAndOneLinePerRun()
    {
        var result = await ListAsync("--experiment", "breast-cancer");

        Assert.DoesNotContain('\u001b', result.Output);
        Assert.All(new[] { _best, _good, _weak, _sweep, _child }, id => LineOf(result.Output, id[..8]));
    }

    [Fact]
    public async Task MaxResults_LimitsThePageAndSaysMoreMatch()
    {
        var result = await ListAsync("--experiment", "breast-cancer", "--max-results", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("more runs match", result.Error);
    }

    [Fact]
    public async Task InvalidFilter_ExitsTwoNamingThePositionWithoutStackTrace()
    {
        var result = await ListAsync("--experiment", "breast-cancer", "--filter", "metrics.roc_auc >> 0.9");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("position 16", result.Error);
        Assert.Contains("  metrics.roc_auc >> 0.9\n" + new string(' ', 2 + 16) + "^", result.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task InvalidOrderBy_ExitsTwo()
    {
        var result = await ListAsync("--experiment", "breast-cancer", "--order-by", "metrics.roc_auc SIDEWAYS");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SIDEWAYS", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task UnknownExperiment_ExitsOneNamingIt()
    {
        var result = await ListAsync("--experiment", "no-such-experiment");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no experiment named or with id 'no-such-experiment'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task TrackingUri_FromEnvironmentWhenNoOption()
    {
        var result = await CliProcess.RunAsync(_store.Folder, new Dictionary<string, string?> { ["MLFLOW_TRACKING_URI"] = _store.Uri },
            "runs", "list", "--experiment", "breast-cancer");

        Assert.Equal(0, result.ExitCode);
        LineOf(result.Output, _best[..8]);
    }

    [TerminalFact]
    public async Task Terminal_TooNarrowForEveryColumn_ShowsFixedAndNamedColumnsAndNamesTheHiddenOnes()
    {
        var (exitCode, screen) = await TerminalProcess.RunAsync(_store.Folder, 110,
            "runs", "list", "--tracking-uri", _store.Uri, "--experiment", "breast-cancer", "--order-by", "params.solver");

        Assert.Equal(0, exitCode);
        var lines = screen.Split('\n');
        var header = Assert.Single(lines, l => l.TrimStart().StartsWith("run id", StringComparison.Ordinal));
        Assert.Contains("params.solver", header);
        Assert.DoesNotContain("metrics.roc_auc", header);
        Assert.All(lines.Where(l => !l.StartsWith("note:", StringComparison.Ordinal)), l => Assert.True(l.Length <= 110, $"wider than the terminal: '{l}'"));
        var best = Assert.Single(lines, l => l.TrimStart().StartsWith(_best[..8], StringComparison.Ordinal));
        Assert.Contains("lbfgs", best);
        Assert.Contains("more column(s) do not fit the terminal's 110 characters (metrics.accuracy, metrics.roc_auc, params.C)", screen);
    }

    [TerminalFact]
    public async Task Terminal_WideEnough_ShowsEveryColumnWithoutNote()
    {
        var (exitCode, screen) = await TerminalProcess.RunAsync(_store.Folder, 250,
            "runs", "list", "--tracking-uri", _store.Uri, "--experiment", "breast-cancer");

        Assert.Equal(0, exitCode);
        Assert.Contains("params.solver", screen);
        Assert.Contains("metrics.roc_auc", screen);
        Assert.DoesNotContain("do not fit", screen);
        Assert.DoesNotContain("\u2026", screen);
    }

    [Fact]
    public async Task View_DeletedAndAll_ListDeletedRunsMarkedAsSuch()
    {
        await _store.Store.DeleteRunAsync(_weak);

        var active = await ListAsync("--experiment", "breast-cancer");
        var deleted = await ListAsync("--experiment", "breast-cancer", "--view", "deleted");
        var all = await ListAsync("--experiment", "breast-cancer", "--view", "all");

        Assert.DoesNotContain(_weak[..8], active.Output);
        Assert.Contains("FINISHED (deleted)", LineOf(deleted.Output, _weak[..8]));
        Assert.DoesNotContain(_best[..8], deleted.Output);
        Assert.Contains("FINISHED (deleted)", LineOf(all.Output, _weak[..8]));
        Assert.DoesNotContain("deleted", LineOf(all.Output, _best[..8]));
    }
}
