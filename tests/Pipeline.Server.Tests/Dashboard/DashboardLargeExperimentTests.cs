using System.Net;
using Pipeline.Server.Dashboard;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>
/// An experiment of 10,000 runs opens as one page of 100 with a link to the next, sorted or filtered. How fast it opens is
/// a benchmark figure (bench/tracking-server.sh), not a test: a wall-clock assertion fails on a loaded CI machine.
/// </summary>
public sealed class DashboardLargeExperimentTests(DashboardFixture server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private const int Runs = 10_000;

    [Fact]
    public async Task ExperimentWith10000Runs_OpensSortedAndFilteredAsOnePageWithANextLink()
    {
        var experiment = await server.Store.CreateExperimentAsync("large");
        var parent = await server.Store.CreateRunAsync(experiment, "ci", 0, [], "parent");
        for (var i = 0; i < Runs - 1; i++)
        {
            var run = await server.Store.CreateRunAsync(experiment, "ci", i + 1, [new RunTag(SystemTags.ParentRunId, parent.Info.RunId)], $"r{i}");
            await server.Store.LogBatchAsync(run.Info.RunId, [new Metric("loss", (i * 7919 % 10_000) / 10_000.0, 0, 0)], [new Param("seed", $"{i % 10}")], []);
        }

        foreach (var query in new[] { "", "?order_by=" + Uri.EscapeDataString("metrics.`loss` ASC"), "?filter=" + Uri.EscapeDataString("params.seed = '3' and metrics.loss < 0.5") })
        {
            using var response = await server.Http.GetAsync($"/experiments/{experiment}{query}");
            var html = await response.Content.ReadAsStringAsync();

            output.WriteLine($"/experiments/{{id}}{query}: {html.Length:N0} chars");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(RunsPage.DefaultPageSize, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-run=").Count);
            Assert.Contains("id=\"next-page\"", html, StringComparison.Ordinal);
        }
    }
}
