using Pipeline.MSBuild.Tests.Infrastructure;

namespace Pipeline.MSBuild.Tests;

/// <summary>build/reporter.cake, loaded by a real <c>dotnet cake</c> run (the repository's pinned Cake tool).</summary>
[Trait("Category", "Slow")]
public sealed class CakeReporterTests
{
    [Fact]
    public async Task WorkflowCommand_IsPrintedAtTheStartOfItsLine_OtherMessagesThroughCakesLog()
    {
        using var workspace = new TempWorkspace();
        var stages = Path.Combine(AppContext.BaseDirectory, "Pipeline.Stages.dll");
        var script = workspace.Write("reporter-test.cake", $"""
            #r "{stages}"
            #load "{Path.Combine(Repository.Root, "build", "reporter.cake")}"
            var reporter = new CakeStageReporter(Context);
            reporter.Info("::error title=Gate failed%3A roc_auc::breast-cancer: failed");
            reporter.Info("Evaluate: all 2 gates passed");
            """);

        // From the repository, where the tool manifest pins Cake.
        var result = await DotNetProcess.RunAsync(Repository.Root, TimeSpan.FromMinutes(3), "cake", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        // GitHub's runner only trims spaces before "::"; an ANSI colour code there would hide the annotation.
        Assert.Contains("::error title=Gate failed%3A roc_auc::breast-cancer: failed", lines);
        Assert.Contains(lines, l => l.Contains("Evaluate: all 2 gates passed", StringComparison.Ordinal));
    }
}
