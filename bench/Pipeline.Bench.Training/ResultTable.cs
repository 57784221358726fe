namespace Pipeline.Bench.Training;

/// <summary>Prints measurements as a fixed-width table: median and min wall time, median CPU time, median load.</summary>
internal static class ResultTable
{
    public static void Write(TextWriter output, string title, IReadOnlyList<Measurement> rows)
    {
        var width = Math.Max(10, rows.Max(r => r.Name.Length));
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine($"  {"what".PadRight(width)}  {"n",3}  {"median",8}  {"min",8}  {"cpu med",8}  {"load",6}");
        foreach (var row in rows)
            output.WriteLine($"  {row.Name.PadRight(width)}  {row.Count,3}  {row.MedianWall,8:F2}  {row.MinWall,8:F2}  {row.MedianCpu,8:F2}  {row.MedianLoad,6:F1}");
        output.WriteLine();
    }
}
