using System.Globalization;
using System.Text.Json;

namespace Pipeline.Stages.Stages.Smoke;

/// <summary>Compares served predictions with offline ones and describes the first differences.</summary>
internal static class SmokeCheck
{
    /// <summary>The first <paramref name="limit"/> rows where <paramref name="served"/> differs, as readable lines.</summary>
    public static IReadOnlyList<string> Differences(string what, JsonElement served, IReadOnlyList<object> offline, int limit = 5)
    {
        if (served.ValueKind != JsonValueKind.Array)
            return [$"{what}: the answer has no predictions list: {Shorten(served.GetRawText())}"];
        var items = served.EnumerateArray().ToArray();
        var lines = new List<string>();
        if (items.Length != offline.Count)
            lines.Add($"{what}: {items.Length} predictions for {offline.Count} rows");
        for (var r = 0; r < Math.Min(items.Length, offline.Count) && lines.Count < limit; r++)
        {
            if (!Same(items[r], offline[r]))
                lines.Add($"{what} row {r}: served {Shorten(items[r].GetRawText())}, offline {Render(offline[r])}");
        }

        return lines;
    }

    private static bool Same(JsonElement served, object offline) => offline switch
    {
        long label => served.ValueKind == JsonValueKind.Number && served.TryGetInt64(out var v) && v == label,
        double value => served.ValueKind == JsonValueKind.Number && served.GetDouble().Equals(value),
        IReadOnlyList<double> list => served.ValueKind == JsonValueKind.Array && served.GetArrayLength() == list.Count &&
            served.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Number && e.GetDouble().Equals(list[i])).All(b => b),
        _ => false,
    };

    private static string Render(object value) => value switch
    {
        IReadOnlyList<double> list => "[" + string.Join(", ", list.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
