using System.Globalization;
using Pipeline.Ml.Models;

namespace Pipeline.Ml.Reports;

/// <summary>Class values as text: whole numbers as integers (<c>1</c>, as pandas writes int64), others as Python floats.</summary>
internal static class ClassLabels
{
    public static string Format(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : PythonJson.Float(value);

    public static IReadOnlyList<string> Format(IEnumerable<double> values) => values.Select(Format).ToArray();
}
