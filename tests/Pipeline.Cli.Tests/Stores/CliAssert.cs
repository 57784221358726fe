using System.Text.Json;

namespace Pipeline.Cli.Tests.Stores;

/// <summary>TEST HELPER: checks on a CLI result.</summary>
internal static class CliAssert
{
    public static CliProcess.Result Ok(CliProcess.Result result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return result;
    }

    public static JsonDocument Json(CliProcess.Result result) => JsonDocument.Parse(Ok(result).Output);

    public static void NoStackTrace(CliProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
