using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Server.Tests.Dashboard;

/// <summary>The dashboard in a real headless chromium against a real server: loads clean, sorts, filters, compares.</summary>
public sealed class DashboardBrowserTests(DashboardFixture server) : IClassFixture<DashboardFixture>
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [BrowserFact]
    public async Task Dashboard_LoadsWithoutErrors_SortsFiltersAndDrawsTheCompareView()
    {
        var screenshot = Path.Combine(Path.GetTempPath(), $"dashboard-{Guid.NewGuid():N}.png");
        try
        {
            var (exitCode, output, error) = await BrowserCheck.RunAsync("check-dashboard.mjs", server.Host.BaseUri.ToString(), server.ExperimentId, screenshot);

            Assert.True(exitCode == 0, $"dashboard check failed ({exitCode}):\n{output}\n{error}");
            using var result = JsonDocument.Parse(output.Trim().Split('\n').Last());
            var root = result.RootElement;
            Assert.Equal(0, root.GetProperty("consoleErrors").GetArrayLength());
            Assert.Equal(0, root.GetProperty("externalRequests").GetArrayLength());
            Assert.Equal("metrics.roc_auc", root.GetProperty("sortedBy").GetString());
            Assert.Equal([0.88, 0.91, 0.95, 0.97], root.GetProperty("ascending").EnumerateArray().Select(v => Math.Round(v.GetDouble(), 2)));
            Assert.Equal(2, root.GetProperty("filtered").GetArrayLength());
            Assert.Equal(4, root.GetProperty("compare").GetProperty("lines").GetInt32());
            Assert.Equal(3, root.GetProperty("compare").GetProperty("axes").GetInt32());
            Assert.All(root.GetProperty("images").EnumerateArray(), i => Assert.True(i.GetProperty("ok").GetBoolean(), i.GetRawText()));

            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.Equal(PngSignature, png[..8]);
            // A table plus three charts at 1280 px wide is tens of KB; a blank page is a few.
            Assert.True(png.Length > 30_000, $"screenshot is only {png.Length} bytes");
            // CI keeps the picture as an artifact when it asks for one.
            if (Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOT_DIR") is { Length: > 0 } keep)
                File.Copy(screenshot, Path.Combine(Directory.CreateDirectory(keep).FullName, "dashboard-compare.png"), overwrite: true);
        }
        finally
        {
            File.Delete(screenshot);
        }
    }
}
