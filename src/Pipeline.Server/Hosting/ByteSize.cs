using System.Globalization;

namespace Pipeline.Server.Hosting;

/// <summary>Reads a size option: bytes, or a number with <c>K</c>, <c>M</c>, <c>G</c> (powers of 1024, optional <c>B</c>/<c>iB</c>).</summary>
internal static class ByteSize
{
    public static long Parse(string text, string option)
    {
        var trimmed = text.Trim();
        var unit = trimmed.TrimStart("0123456789".ToCharArray());
        var number = trimmed[..^unit.Length];
        var shift = unit.ToUpperInvariant() switch
        {
            "" or "B" => 0,
            "K" or "KB" or "KIB" => 10,
            "M" or "MB" or "MIB" => 20,
            "G" or "GB" or "GIB" => 30,
            _ => -1,
        };
        if (shift < 0 || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > long.MaxValue >> shift)
            throw new TrackingServerStartupException($"{option} needs a size in bytes (e.g. 1073741824, 512M, 2G), got '{text}'.");
        return value << shift;
    }
}
