using System.Globalization;

namespace Pipeline.Stages.Monitoring;

/// <summary>Wording shared by the HTML and Markdown drift reports and the command's output.</summary>
internal static class DriftText
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Window(DriftReport report) => report.Window switch
    {
        { Since: null, Until: null } => "all logged rows",
        { Since: { } since, Until: null } => $"rows since {Time(since)}",
        { Since: null, Until: { } until } => $"rows before {Time(until)}",
        { Since: { } since, Until: { } until } => $"rows from {Time(since)} to {Time(until)}",
    };
}
