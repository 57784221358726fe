namespace Pipeline.Bench.Training;

/// <summary>The machine's load, printed beside each figure because the bench machine is shared.</summary>
public static class LoadAverage
{
    /// <summary>The 1-minute load average (from /proc/loadavg), or NaN where it cannot be read.</summary>
    public static double OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException) { return double.NaN; }
        catch (UnauthorizedAccessException) { return double.NaN; }
    }

    /// <summary>"load 1.23 (1 min)" or "load unknown".</summary>
    public static string Describe() => double.IsNaN(OneMinute()) ? "load unknown" : $"load {OneMinute():F2} (1 min avg)";
}
