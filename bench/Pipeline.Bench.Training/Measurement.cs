using Pipeline.Bench.RuntimeStats;

namespace Pipeline.Bench.Training;

/// <summary>
/// One timed thing: wall and CPU time of each repetition, the load when it was measured and, when reported, what the
/// runtime of each program involved spent (per program name, summed over the repetition's processes of that name).
/// </summary>
public sealed class Measurement(string name)
{
    private readonly List<TimeSpan> _wall = [];
    private readonly List<TimeSpan> _cpu = [];
    private readonly List<double> _load = [];
    private readonly Dictionary<string, List<RuntimeStatsLine>> _runtime = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public int Count => _wall.Count;

    public void Add(TimeSpan wall, TimeSpan cpu, IReadOnlyList<RuntimeStatsLine>? runtime = null)
    {
        _wall.Add(wall);
        _cpu.Add(cpu);
        _load.Add(LoadAverage.OneMinute());
        foreach (var program in (runtime ?? []).GroupBy(r => r.Process))
        {
            if (!_runtime.TryGetValue(program.Key, out var lines))
                _runtime[program.Key] = lines = [];
            lines.Add(program.Aggregate(Sum));
        }
    }

    /// <summary>The programs that reported runtime figures, and per program the median of each figure over the repetitions.</summary>
    public IEnumerable<(string Program, int Count, RuntimeStatsLine Median)> RuntimeMedians() =>
        _runtime.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.Count, new RuntimeStatsLine(
            p.Key, 0,
            (long)Median(p.Value.Select(l => (double)l.JitMethods)),
            TimeSpan.FromSeconds(Median(p.Value.Select(l => l.JitTime.TotalSeconds))),
            TimeSpan.FromSeconds(Median(p.Value.Select(l => l.Cpu.TotalSeconds))),
            (int)Median(p.Value.Select(l => (double)l.Gen0)),
            (int)Median(p.Value.Select(l => (double)l.Gen1)),
            (int)Median(p.Value.Select(l => (double)l.Gen2)),
            TimeSpan.FromSeconds(Median(p.Value.Select(l => l.GcPause.TotalSeconds))),
            (long)Median(p.Value.Select(l => (double)l.AllocatedBytes)))));

    private static RuntimeStatsLine Sum(RuntimeStatsLine a, RuntimeStatsLine b) => a with
    {
        JitMethods = a.JitMethods + b.JitMethods, JitTime = a.JitTime + b.JitTime, Cpu = a.Cpu + b.Cpu,
        Gen0 = a.Gen0 + b.Gen0, Gen1 = a.Gen1 + b.Gen1, Gen2 = a.Gen2 + b.Gen2,
        GcPause = a.GcPause + b.GcPause, AllocatedBytes = a.AllocatedBytes + b.AllocatedBytes,
    };

    public double MedianWall => Median(_wall.Select(t => t.TotalSeconds));

    public double MinWall => _wall.Min(t => t.TotalSeconds);

    public double MedianCpu => Median(_cpu.Select(t => t.TotalSeconds));

    public double MedianLoad => Median(_load);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
