using System.Net.Http.Headers;
using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>
/// Issue 15's acceptance, in a real headless chromium at 1400x900 against a server behind an auth token: one browser
/// session (check-dashboard-team.mjs) visits the pages once; each test asserts one thing a person checks.
/// </summary>
public sealed class TeamDashboardBrowserTests(TeamDashboardBrowserTests.Session session) : IClassFixture<TeamDashboardBrowserTests.Session>
{
    [BrowserFact]
    public async Task RunsPage_BreastCancer_SelectionMetricColumnIsInsideTheWindow()
    {
        var root = await session.ResultAsync();
        Assert.True(root.GetProperty("selectionInView").GetBoolean(), root.GetProperty("selection").GetRawText());
    }

    [BrowserFact]
    public async Task RunsPage_BreastCancer_MarksTheSweepsWinnerOnly()
    {
        var winners = (await session.ResultAsync()).GetProperty("winners").EnumerateArray().ToList();
        var winner = Assert.Single(winners);
        Assert.Equal(session.Server.BreastCancerWinnerId, winner.GetProperty("run").GetString());
        Assert.Contains("best", winner.GetProperty("badge").GetString(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task RunPages_EveryRunIdIsALinkThatResolves()
    {
        var ids = (await session.ResultAsync()).GetProperty("runIds").EnumerateArray().ToList();
        // The sweep run's page names its own id, its parent, its winner and its children; the evaluation names the sweep.
        Assert.Contains(ids, i => i.GetProperty("id").GetString() == session.Server.BreastCancerWinnerId);
        Assert.Contains(ids, i => i.GetProperty("id").GetString() == session.Server.BreastCancerSweepRunId && i.GetProperty("page").GetString() == "run-evaluation");
        Assert.All(ids, i => Assert.Equal(200, i.GetProperty("status").GetInt32()));
    }

    [BrowserFact]
    public async Task Compare_FourRuns_NeedsNoHorizontalScroll()
    {
        var compare = (await session.ResultAsync()).GetProperty("compare4");
        Assert.True(compare.GetProperty("page").GetInt32() <= 0, compare.GetRawText());
        Assert.True(compare.GetProperty("table").GetInt32() <= 0, compare.GetRawText());
    }

    [BrowserFact]
    public async Task Compare_WineSweep_ParallelCoordinatesDrawOneWholeLinePerTrial()
    {
        var wine = (await session.ResultAsync()).GetProperty("wine");
        Assert.Equal(session.Server.WineTrialIds.Count, wine.GetProperty("lines").GetArrayLength());
        Assert.Equal(session.Server.WineTrialIds.Count, wine.GetProperty("whole").GetInt32());
    }

    [BrowserFact]
    public async Task ModelVersionPage_AliasSetFromTheForm_IsVisibleThroughTheRestApi()
    {
        var root = await session.ResultAsync();
        Assert.Contains("@staging", root.GetProperty("aliasesShown").EnumerateArray().Select(a => a.GetString()));

        using var http = new HttpClient { BaseAddress = session.Server.Host.BaseUri };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TeamDashboardFixture.Token);
        using var response = await http.GetAsync("/api/2.0/mlflow/registered-models/alias?name=wine-classifier&alias=staging");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("1", json.RootElement.GetProperty("model_version").GetProperty("version").GetString());
    }

    /// <summary>The store and server, and the one browser session whose findings the tests read.</summary>
    public sealed class Session : IAsyncLifetime
    {
        private readonly TeamDashboardFixture _server = new();
        private readonly Lazy<Task<JsonElement>> _result;
        private readonly DirectoryInfo _screenshots = Directory.CreateTempSubdirectory("dashboard-team-");

        public Session() => _result = new(RunAsync);

        public TeamDashboardFixture Server => _server;

        public Task<JsonElement> ResultAsync() => _result.Value;

        public Task InitializeAsync() => _server.InitializeAsync();

        public async Task DisposeAsync()
        {
            await _server.DisposeAsync();
            _screenshots.Delete(recursive: true);
        }

        private async Task<JsonElement> RunAsync()
        {
            var ids = JsonSerializer.Serialize(new
            {
                breastCancer = _server.BreastCancerId,
                sweep = _server.BreastCancerSweepRunId,
                evaluation = _server.BreastCancerEvaluationRunId,
                breastCancerTrials = _server.BreastCancerTrialIds,
                wineTrials = _server.WineTrialIds,
            });
            var (exitCode, output, error) = await BrowserCheck.RunAsync("check-dashboard-team.mjs", _server.Host.BaseUri.ToString(), TeamDashboardFixture.Token, _screenshots.FullName, ids);
            // CI keeps the pictures as artifacts when it asks for them.
            if (Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOT_DIR") is { Length: > 0 } keep)
            {
                foreach (var png in _screenshots.GetFiles("*.png"))
                    png.CopyTo(Path.Combine(Directory.CreateDirectory(keep).FullName, $"team-{png.Name}"), overwrite: true);
            }

            Assert.True(exitCode == 0, $"team dashboard check failed ({exitCode}):\n{output}\n{error}");
            using var document = JsonDocument.Parse(output.Trim().Split('\n').Last());
            return document.RootElement.Clone();
        }
    }
}
