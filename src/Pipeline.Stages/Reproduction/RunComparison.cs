using System.Globalization;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Reproduction;

/// <summary>
/// Compares every param and metric of an original run with its reproduction. Metrics are equal bit for bit (NaN equals
/// NaN) or, with a tolerance, within it; timing metrics (<c>*_time_seconds</c>) measure the machine, not the result,
/// and are left out; params naming a file (<c>data.path</c>, <c>data.test_path</c>) are compared by file name, since the
/// checkout lives elsewhere and the content is checked by digest before anything runs.
/// </summary>
internal static class RunComparison
{
    private const string TimingSuffix = "_time_seconds";
    private static readonly string[] PathParams = ["data.path", "data.test_path"];

    public static (int Compared, IReadOnlyList<ValueDifference> Differences, IReadOnlyList<string> Excluded) Compare(Run original, Run reproduced, double tolerance)
    {
        var differences = new List<ValueDifference>();
        var excluded = new List<string>();
        var compared = 0;

        var originalParams = original.Data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var reproducedParams = reproduced.Data.Params.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var key in originalParams.Keys.Union(reproducedParams.Keys).Order(StringComparer.Ordinal))
        {
            compared++;
            var a = originalParams.GetValueOrDefault(key);
            var b = reproducedParams.GetValueOrDefault(key);
            var isPath = PathParams.Contains(key);
            if (isPath && a is not null && b is not null)
                (a, b) = (FileName(a), FileName(b));
            if (a != b)
                differences.Add(new ValueDifference("param", key, a, b));
        }

        excluded.AddRange(PathParams.Where(originalParams.ContainsKey).Select(k => $"param {k}: compared by file name (the checkout is elsewhere; the content by digest)"));

        var originalMetrics = original.Data.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        var reproducedMetrics = reproduced.Data.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
        foreach (var key in originalMetrics.Keys.Union(reproducedMetrics.Keys).Order(StringComparer.Ordinal))
        {
            if (key.EndsWith(TimingSuffix, StringComparison.Ordinal))
            {
                excluded.Add($"metric {key}: a timing, which depends on the machine and its load");
                continue;
            }

            compared++;
            var hasA = originalMetrics.TryGetValue(key, out var a);
            var hasB = reproducedMetrics.TryGetValue(key, out var b);
            if (!hasA || !hasB || !Equal(a, b, tolerance))
                differences.Add(new ValueDifference("metric", key, hasA ? Format(a) : null, hasB ? Format(b) : null));
        }

        return (compared, differences, excluded);
    }

    /// <summary>Bit for bit with no tolerance (so -0 and 0 differ, NaN equals NaN); otherwise within it.</summary>
    public static bool Equal(double a, double b, double tolerance) =>
        BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b)
        || (double.IsNaN(a) && double.IsNaN(b))
        || (tolerance > 0 && Math.Abs(a - b) <= tolerance);

    private static string FileName(string path) => Path.GetFileName(path.Replace('\\', '/'));

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
