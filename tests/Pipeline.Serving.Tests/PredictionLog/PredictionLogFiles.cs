using System.Text.Json;

namespace Pipeline.Serving.Tests.PredictionLog;

/// <summary>Reads a prediction-log folder back: every line of every file, parsed.</summary>
internal static class PredictionLogFiles
{
    public static List<JsonElement> ReadAll(string directory) =>
        Directory.GetFiles(directory, "*.jsonl").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), $"prediction-log-tests-{Guid.NewGuid():N}");

    /// <summary>The value of a counter or gauge in Prometheus text, 0 when absent.</summary>
    public static double Metric(string metricsText, string name) =>
        metricsText.Split('\n').Where(l => l.StartsWith(name + " ", StringComparison.Ordinal))
            .Select(l => double.Parse(l[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
}
