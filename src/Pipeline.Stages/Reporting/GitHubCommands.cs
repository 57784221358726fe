namespace Pipeline.Stages.Reporting;

/// <summary>
/// GitHub Actions workflow commands (<c>::error title=...::message</c>), escaped as the Actions toolkit escapes
/// them: <c>%</c>, CR and LF in the message; additionally <c>:</c> and <c>,</c> in properties.
/// </summary>
internal static class GitHubCommands
{
    /// <summary>The variable GitHub Actions sets to <c>true</c> on its runners.</summary>
    public const string ActionsVariable = "GITHUB_ACTIONS";

    /// <summary>The variable naming the current step's job-summary file.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public static string Error(string title, string message) => Command("error", title, message);

    /// <summary>An error annotation at a place in a file (line and column 0: the file as a whole).</summary>
    public static string ErrorAt(string title, string message, string file, int line, int column) =>
        $"::error file={EscapeProperty(file)}{(line > 0 ? $",line={line}" : "")}{(line > 0 && column > 0 ? $",col={column}" : "")}"
        + $",title={EscapeProperty(title)}::{EscapeData(message)}";

    public static string Warning(string title, string message) => Command("warning", title, message);

    private static string Command(string kind, string title, string message) =>
        $"::{kind} title={EscapeProperty(title)}::{EscapeData(message)}";

    private static string EscapeData(string text) =>
        text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string text) =>
        EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
