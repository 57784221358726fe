using System.Diagnostics;
using Pipeline.MSBuild.Tests.Infrastructure;

namespace Pipeline.MSBuild.Tests;

/// <summary>
/// <c>.ci/test-summary.sh</c>, which closes CI's log: CI keeps only the tail, so what failed must be repeated there.
/// Fed console-logger output in the shape <c>dotnet test</c> writes it.
/// </summary>
public sealed class CiTestSummaryTests : IDisposable
{
    private readonly string _log = Path.GetTempFileName();

    public void Dispose() => File.Delete(_log);

    [Fact]
    public async Task AllPassed_AddsUpEveryProjectAndExitsWithTheTestCommandsStatus()
    {
        var (output, exitCode) = await SummarizeAsync(0, Project(passed: 3, failed: 0, skipped: 1), Project(passed: 2, failed: 0, skipped: 0));

        Assert.Equal(0, exitCode);
        Assert.EndsWith("Tests: 5 passed, 0 failed, 1 skipped", output.TrimEnd());
        Assert.DoesNotContain("Failed tests:", output);
    }

    [Fact]
    public async Task FailedTest_IsRepeatedWithItsMessageAndStackBeforeTheClosingLine()
    {
        var failure = """
              Passed Pipeline.Server.Tests.A.Works [12 ms]
              Failed Pipeline.Server.Tests.B.CreateVersion_Concurrent_ReadsItsName [201 ms]
              Error Message:
               Missing value for required parameter 'name'
              Stack Trace:
                 at Pipeline.Server.Tests.B.CreateVersion_Concurrent_ReadsItsName() in B.cs:line 40
              Passed Pipeline.Server.Tests.C.Works [3 ms]
            """;

        var (output, exitCode) = await SummarizeAsync(1, failure, Project(passed: 2, failed: 1, skipped: 0));

        Assert.Equal(1, exitCode);
        var summary = output[output.IndexOf("Failed tests:", StringComparison.Ordinal)..];
        Assert.Contains("Failed Pipeline.Server.Tests.B.CreateVersion_Concurrent_ReadsItsName", summary);
        Assert.Contains("Missing value for required parameter 'name'", summary);
        Assert.Contains("B.cs:line 40", summary);
        Assert.DoesNotContain("C.Works", summary);
        Assert.EndsWith("Tests: 2 passed, 1 failed, 0 skipped", output.TrimEnd());
    }

    [Fact]
    public async Task BuildFailedWithoutAFailedTest_RepeatsTheDistinctBuildErrorsAndNamesAFullDisk()
    {
        var build = """
            /sdk/Microsoft.Common.CurrentVersion.targets(5096,5): warning MSB3026: Could not copy "a.pdb" to "b.pdb". No space left on device [/w/T.csproj]
            /sdk/Microsoft.Common.CurrentVersion.targets(5096,5): error MSB3027: Could not copy "a.pdb" to "b.pdb". Exceeded retry count of 10. Failed.  [/w/T.csproj]
            /sdk/Microsoft.Common.CurrentVersion.targets(5096,5): error MSB3027: Could not copy "a.pdb" to "b.pdb". Exceeded retry count of 10. Failed.  [/w/T.csproj]
            """;

        var (output, exitCode) = await SummarizeAsync(1, Project(passed: 4, failed: 0, skipped: 0), build);

        Assert.Equal(1, exitCode);
        var errors = output[output.IndexOf("Build errors:", StringComparison.Ordinal)..];
        Assert.Single(errors.Split('\n'), l => l.Contains("error MSB3027", StringComparison.Ordinal));
        Assert.DoesNotContain("warning MSB3026", errors);
        Assert.Contains("The disk filled during the run", output);
        Assert.EndsWith("Tests: 4 passed, 0 failed, 0 skipped", output.TrimEnd());
    }

    [Fact]
    public async Task TestCommandSucceededButRanNoTest_FailsTheRun()
    {
        var (output, exitCode) = await SummarizeAsync(0, "Build succeeded.\n");

        Assert.Equal(1, exitCode);
        Assert.Contains("ran no test", output);
    }

    private static string Project(int passed, int failed, int skipped) => $"""
        Test Run Successful.
        Total tests: {passed + failed + skipped}
             Passed: {passed}
             Failed: {failed}
            Skipped: {skipped}
         Total time: 1.2 Seconds
        """;

    private async Task<(string Output, int ExitCode)> SummarizeAsync(int status, params string[] log)
    {
        await File.WriteAllTextAsync(_log, string.Join('\n', log) + "\n");
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(Repository.Root, ".ci", "test-summary.sh"), _log, status.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (await stdout + await stderr, process.ExitCode);
    }
}
