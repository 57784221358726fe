using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// The time window of logged rows to read (<c>--since</c>, <c>--until</c>): from <see cref="Since"/> (inclusive) to
/// <see cref="Until"/> (exclusive); either end open when null.
/// </summary>
public sealed partial record LogWindow(DateTimeOffset? Since, DateTimeOffset? Until)
{
    /// <summary>Every logged row.</summary>
    public static LogWindow All { get; } = new(null, null);

    /// <summary>Whether a row logged at <paramref name="time"/> is in the window.</summary>
    public bool Contains(DateTimeOffset time) => (Since is not { } since || time >= since) && (Until is not { } until || time < until);

    /// <summary>
    /// Parses a time as <c>--since</c> takes it: an ISO 8601 date or time (UTC unless it names an offset:
    /// <c>2026-12-01</c>, <c>2026-12-01T08:00:00Z</c>) or an age before <paramref name="now"/> (<c>30m</c>, <c>24h</c>, <c>7d</c>).
    /// </summary>
    /// <returns>False, with <paramref name="error"/> saying what is wrong, for anything else.</returns>
    public static bool TryParseTime(string text, DateTimeOffset now, string option, out DateTimeOffset time, out string? error)
    {
        error = null;
        if (Age().Match(text.Trim()) is { Success: true } age)
        {
            var amount = double.Parse(age.Groups["n"].Value, CultureInfo.InvariantCulture);
            time = now - (age.Groups["unit"].Value switch { "m" => TimeSpan.FromMinutes(amount), "h" => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) });
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
            return true;
        error = $"{option} '{text}' is not a time: give an ISO 8601 date or time (2026-12-01, 2026-12-01T08:00:00Z) or an age (30m, 24h, 7d).";
        return false;
    }

    [GeneratedRegex(@"^(?<n>\d+(\.\d+)?)(?<unit>[mhd])$")]
    private static partial Regex Age();
}
