using System.Text.Json.Serialization;

namespace Pipeline.Ml.Profiling;

/// <summary>
/// Histogram bins and counts. Bin <c>i</c> holds values in <c>[BinEdges[i], BinEdges[i + 1])</c>, the last one closed on
/// the right. Live values are counted with the first bin open to the left and the last open to the right
/// (<see cref="BinOf"/>), so every value lands in a bin the training data also had.
/// </summary>
/// <param name="BinEdges">Ascending, distinct edges; one more than there are bins.</param>
/// <param name="Counts">Training values per bin.</param>
public sealed record Histogram(
    [property: JsonPropertyName("bin_edges")] IReadOnlyList<double> BinEdges,
    [property: JsonPropertyName("counts")] IReadOnlyList<long> Counts)
{
    /// <summary>The number of bins.</summary>
    [JsonIgnore]
    public int Bins => Counts.Count;

    /// <summary>The bin a value falls in, the outer bins open-ended; -1 for NaN.</summary>
    public int BinOf(double value)
    {
        if (double.IsNaN(value)) return -1;
        // The inner edges split the line: the count of inner edges at or below the value is its bin.
        int lo = 1, hi = BinEdges.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (BinEdges[mid] <= value) lo = mid + 1;
            else hi = mid;
        }

        return lo - 1;
    }

    /// <summary>Merges every <paramref name="factor"/> adjacent bins into one (the last may hold fewer).</summary>
    public Histogram Coarsen(int factor)
    {
        if (factor <= 1) return this;
        var edges = new List<double>();
        var counts = new List<long>();
        for (var start = 0; start < Bins; start += factor)
        {
            edges.Add(BinEdges[start]);
            counts.Add(Counts.Skip(start).Take(factor).Sum());
        }

        edges.Add(BinEdges[^1]);
        return new Histogram(edges, counts);
    }

    /// <summary>Counts <paramref name="values"/> per bin (NaN skipped).</summary>
    public long[] Count(IEnumerable<double> values)
    {
        var counts = new long[Bins];
        foreach (var value in values)
        {
            var bin = BinOf(value);
            if (bin >= 0) counts[bin]++;
        }

        return counts;
    }
}
