using System.Collections;

namespace Pipeline.Ml.Evaluation;

/// <summary>Named metric values in a fixed order (the order MLflow's evaluator produces them).</summary>
public sealed class MetricSet : IReadOnlyList<KeyValuePair<string, double>>
{
    private readonly KeyValuePair<string, double>[] _items;

    /// <summary>Creates a set; names must be distinct.</summary>
    public MetricSet(IEnumerable<KeyValuePair<string, double>> items)
    {
        _items = items.ToArray();
        var duplicate = _items.GroupBy(i => i.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Metric '{duplicate.Key}' appears twice.");
    }

    /// <summary>The metric names in order.</summary>
    public IEnumerable<string> Names => _items.Select(i => i.Key);

    /// <summary>The value of a metric.</summary>
    /// <exception cref="KeyNotFoundException">No such metric; the message lists the known ones.</exception>
    public double this[string name] => TryGet(name, out var value)
        ? value
        : throw new KeyNotFoundException($"No metric '{name}'; known: {string.Join(", ", Names)}.");

    /// <inheritdoc />
    public KeyValuePair<string, double> this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <summary>Looks a metric up by name.</summary>
    public bool TryGet(string name, out double value)
    {
        foreach (var item in _items)
        {
            if (item.Key == name) { value = item.Value; return true; }
        }

        value = double.NaN;
        return false;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, double>>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
