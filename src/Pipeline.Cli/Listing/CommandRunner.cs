using Pipeline.Stages.Running;

namespace Pipeline.Cli.Listing;

/// <summary>
/// Runs a registry, runs or artifacts command through <see cref="ListingRunner"/> (store errors become one line and an
/// exit code), adding what only these commands meet: a tracking server's artifact proxy that cannot be reached.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> command)
    {
        try
        {
            return await ListingRunner.RunAsync(command, Console.Error);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Prints a usage error (exit 2) for a combination of options the parser cannot check.</summary>
    public static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return ExitCodes.Usage;
    }
}
