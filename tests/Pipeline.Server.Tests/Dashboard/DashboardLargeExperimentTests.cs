using System.Diagnostics;
using System.Net;
using Pipeline.Server.Dashboard;
using Pipeline.Tracking.Entities;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>An experiment of 10,000 runs opens as one page of 100, sorted or filtered, well within the 2 s target.</summary>
public sealed class DashboardLargeExperimentTests(DashboardFixture server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DashboardFixture>
{
    private const int Runs = 10_000;

    [Fact]
    public async Task ExperimentWith10000Runs_OpensSortedAndFilteredUnderTwoSeconds()
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
            // The first request of a kind warms the server (JIT, SQLite page cache); the second is what a user sees.
            await server.Http.GetStringAsync($"/experiments/{experiment}{query}");
            var clock = Stopwatch.StartNew();
            using var response = await server.Http.GetAsync($"/experiments/{experiment}{query}");
            var html = await response.Content.ReadAsStringAsync();
            clock.Stop();

            output.WriteLine($"/experiments/{{id}}{query}: {clock.ElapsedMilliseconds} ms, {html.Length:N0} chars");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(RunsPage.DefaultPageSize, System.Text.RegularExpressions.Regex.Matches(html, "<tr data-run=").Count);
            Assert.Contains("id=\"next-page\"", html, StringComparison.Ordinal);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"{query}: {clock.ElapsedMilliseconds} ms");
        }
    }
}
