namespace Pipeline.Bench.Training;

/// <summary>One timed thing: wall and CPU time of each repetition, and the load when it was measured.</summary>
public sealed class Measurement(string name)
{
    private readonly List<TimeSpan> _wall = [];
    private readonly List<TimeSpan> _cpu = [];
    private readonly List<double> _load = [];

    public string Name { get; } = name;

    public int Count => _wall.Count;

    public void Add(TimeSpan wall, TimeSpan cpu)
    {
        _wall.Add(wall);
        _cpu.Add(cpu);
        _load.Add(LoadAverage.OneMinute());
    }

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
