using System.Text.Json;
using Pipeline.Tests.Shared;

namespace Pipeline.Stages.Tests.Reporting;

/// <summary>The HTML report in a real headless chromium (Debian's), driven by playwright-core from node.</summary>
[Collection(ReportedPipelineCollection.Name)]
public class HtmlReportBrowserTests(ReportedPipelineFixture pipeline)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [BrowserFact]
    public async Task Report_RendersWithoutErrors_SortsOnHeaderClick_AndScreenshotShowsIt()
    {
        var screenshot = Path.Combine(pipeline.Workspace.Root, "report.png");

        var (exitCode, output, error) = await BrowserCheck.RunAsync("check-report.mjs", pipeline.HtmlPath, screenshot);

        Assert.True(exitCode == 0, $"browser check failed ({exitCode}):\n{output}\n{error}");
        using var result = JsonDocument.Parse(output.Trim().Split('\n').Last());
        var root = result.RootElement;
        Assert.Equal(0, root.GetProperty("consoleErrors").GetArrayLength());
        Assert.Equal(0, root.GetProperty("externalRequests").GetArrayLength());
        Assert.Equal("roc_auc", root.GetProperty("sortedBy").GetString());
        Assert.NotEqual(root.GetProperty("before").GetRawText(), root.GetProperty("afterFirstClick").GetRawText());
        var images = root.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(5, images.Count);
        Assert.All(images, i => Assert.True(i.GetProperty("ok").GetBoolean(), i.GetRawText()));

        var png = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal(PngSignature, png[..8]);
        // A full-page shot of a page holding five 640x480 plots is far larger than a blank page (a few KB).
        Assert.True(png.Length > 100_000, $"screenshot is only {png.Length} bytes");
    }
}
