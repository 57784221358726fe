using System.Globalization;

namespace Pipeline.Cli.Output;

/// <summary>How table and CSV cells spell values: UTC times, metric values with six significant digits, sizes.</summary>
internal static class Cells
{
    public static string Time(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A signed difference: "+0.0123", "-2", "0".</summary>
    public static string Delta(double delta) =>
        delta == 0 ? "0" : (delta > 0 ? "+" : "") + delta.ToString("G4", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
        < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
    };
}
