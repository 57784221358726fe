using System.Globalization;
using System.Text.Json;
using Pipeline.Tests.Shared;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>
/// The dashboard's layout in a real headless chromium with a sweep as wide as a real one (dozens of params and metrics,
/// long trial names): the page keeps the window's width, names and times stay on one line, chart labels are not cut off.
/// </summary>
public sealed class DashboardLayoutBrowserTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    [BrowserFact]
    public async Task WideSweep_RunsTableCompareAndRunPage_FitTheWindowWithoutClippedLabels()
    {
        var experiment = await server.Store.CreateExperimentAsync("wide sweep");
        var parent = await server.Store.CreateRunAsync(experiment, "ci", 1_700_000_000_000, [], "sweep");
        var trials = new List<string>();
        for (var t = 0; t < 12; t++)
        {
            var trial = await server.Store.CreateRunAsync(experiment, "ci", 1_700_000_001_000 + t,
                [new RunTag(SystemTags.ParentRunId, parent.Info.RunId)], $"lbfgs_logistic_regression-{t:00}");
            trials.Add(trial.Info.RunId);
            var value = (0.9 + (t * 0.001)).ToString(CultureInfo.InvariantCulture);
            await server.Store.LogBatchAsync(trial.Info.RunId,
                [.. Enumerable.Range(0, 30).Select(m => new Metric($"validation_metric_{m:00}", 0.9 + (t * 0.001), 0, 0))],
                [.. Enumerable.Range(0, 30).Select(p => new Param($"classifier.hyperparameter_{p:00}", value))], []);
        }

        // Small values of both signs: the longest axis labels a metric history gets ("-0.0269121").
        await server.Store.LogBatchAsync(trials[0], [new Metric("drift", -0.0269121, 0, 0), new Metric("drift", 0.0269121, 1, 1)], [], []);
        var screenshots = Directory.CreateTempSubdirectory("dashboard-layout-");
        try
        {
            var (exitCode, output, error) = await BrowserCheck.RunAsync("check-dashboard-layout.mjs", server.Host.BaseUri.ToString(), screenshots.FullName,
                $"/experiments/{experiment}", $"/compare?runs={string.Join(',', trials)}", $"/runs/{trials[0]}");

            Assert.True(exitCode == 0, $"layout check failed ({exitCode}):\n{output}\n{error}");
            using var result = JsonDocument.Parse(output.Trim().Split('\n').Last());
            var pages = result.RootElement.GetProperty("pages").EnumerateArray().ToList();
            Assert.Equal(3, pages.Count);
            Assert.All(pages, p => Assert.True(p.GetProperty("scrollWidth").GetInt32() <= p.GetProperty("clientWidth").GetInt32(), p.GetRawText()));
            Assert.Equal(1, pages[0].GetProperty("maxLines").GetInt32());
            Assert.Equal(0, result.RootElement.GetProperty("consoleErrors").GetArrayLength());
        }
        finally
        {
            screenshots.Delete(recursive: true);
        }
    }
}
