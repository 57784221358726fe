using System.Data.Common;
using Pipeline.Stages.Running;
using Pipeline.Tracking;
using Pipeline.Tracking.Search;

namespace Pipeline.Cli.Listing;

/// <summary>
/// Runs a list command and turns store errors into messages and exit codes: a bad filter or order-by is a usage
/// error (exit 2) shown with a caret under the offending token; an unknown experiment or an unreachable store is
/// exit 1. Neither prints a stack trace.
/// </summary>
internal static class ListingRunner
{
    public static async Task<int> RunAsync(Func<Task<int>> list, TextWriter error)
    {
        try
        {
            return await list();
        }
        catch (SearchSyntaxException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (TrackingException e) when (e.Code == ErrorCode.InvalidParameterValue)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is TrackingException or DbException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
    }

    /// <summary>Parses with <paramref name="parse"/>; on a syntax error prints the message, the text and a caret under the bad token.</summary>
    public static bool TryParse<T>(string text, Func<string, T> parse, TextWriter error, out T? parsed)
    {
        try
        {
            parsed = parse(text);
            return true;
        }
        catch (SearchSyntaxException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine($"  {text}");
            error.WriteLine($"  {new string(' ', Math.Clamp(e.Position, 0, text.Length))}^");
            parsed = default;
            return false;
        }
    }
}
