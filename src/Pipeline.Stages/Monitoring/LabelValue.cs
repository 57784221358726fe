using System.Globalization;

namespace Pipeline.Stages.Monitoring;

/// <summary>
/// One spelling for a label or predicted value, so that <c>1</c>, <c>1.0</c> and <c>true</c> in a labels file meet the
/// server's <c>1</c>: numbers in invariant round-trip form, booleans as 0/1, other text as it is.
/// </summary>
public static class LabelValue
{
    /// <summary>The canonical text of <paramref name="text"/>.</summary>
    public static string Canonical(string text)
    {
        var trimmed = text.Trim();
        if (bool.TryParse(trimmed, out var flag))
            return flag ? "1" : "0";
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number.ToString("R", CultureInfo.InvariantCulture)
            : trimmed;
    }

    /// <summary>The value as a number, when it is one.</summary>
    public static bool TryNumber(string canonical, out double number) =>
        double.TryParse(canonical, NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    /// <summary>Orders class values as MLflow does: numerically when all are numbers, else ordinally.</summary>
    public static IReadOnlyList<string> SortClasses(IEnumerable<string> values)
    {
        var distinct = values.Distinct(StringComparer.Ordinal).ToList();
        return distinct.All(v => TryNumber(v, out _))
            ? distinct.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : distinct.Order(StringComparer.Ordinal).ToList();
    }
}
