using System.Globalization;

namespace Pipeline.Server.Dashboard;

/// <summary>One axis of the parallel-coordinates plot: where each run's value sits, as a fraction from bottom (0) to top (1).</summary>
internal sealed class Axis
{
    private readonly IReadOnlyList<double?> _positions;
    private readonly IReadOnlyList<(string Label, double Fraction)> _ticks;

    private Axis(string name, IReadOnlyList<double?> positions, IReadOnlyList<(string, double)> ticks)
    {
        Name = name;
        _positions = positions;
        _ticks = ticks;
    }

    public string Name { get; }

    /// <summary>Run <paramref name="index"/>'s position, null when it has no value on this axis.</summary>
    public double? Position(int index) => _positions[index];

    public IReadOnlyList<(string Label, double Fraction)> Ticks() => _ticks;

    /// <summary>
    /// A numeric axis when every present value is a finite number (logarithmic when all are positive and span two decades
    /// or more), else a categorical one.
    /// </summary>
    public static Axis Of(string name, IReadOnlyList<string?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!).ToList();
        if (present.Count == 0)
            return new Axis(name, values.Select(_ => (double?)null).ToList(), []);
        var numbers = present.Select(Parse).ToList();
        if (numbers.All(n => n is not null))
        {
            var lo = numbers.Min(n => n!.Value);
            var hi = numbers.Max(n => n!.Value);
            // Sweeps try C or learning rates by decades; a log axis spreads 0.01, 0.1, 1, 10 evenly instead of piling them at 0.
            var log = lo > 0 && hi / lo >= 100;
            Func<double, double> scale = log ? Math.Log10 : v => v;
            var (min, max) = LineChartSvg.Range(numbers.Select(n => scale(n!.Value)));
            double Fraction(double v) => (scale(v) - min) / (max - min);
            var positions = values.Select(v => v is null ? null : (double?)Fraction(Parse(v)!.Value)).ToList();
            var mid = log ? Math.Sqrt(lo * hi) : (lo + hi) / 2;
            IReadOnlyList<(string, double)> ticks = lo == hi
                ? [(HtmlBuilder.Number(lo), Fraction(lo))]
                : [(HtmlBuilder.Number(lo), Fraction(lo)), (HtmlBuilder.Number(mid) + (log ? " (log)" : ""), Fraction(mid)), (HtmlBuilder.Number(hi), Fraction(hi))];
            return new Axis(name, positions, ticks);
        }

        var categories = present.Distinct().Order(StringComparer.Ordinal).ToList();
        double Slot(string v) => categories.Count == 1 ? 0.5 : (double)categories.IndexOf(v) / (categories.Count - 1);
        return new Axis(name, values.Select(v => v is null ? null : (double?)Slot(v)).ToList(), categories.Select(c => (c, Slot(c))).ToList());
    }

    private static double? Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
}
