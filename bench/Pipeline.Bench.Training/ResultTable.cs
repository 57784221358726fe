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
        WriteRuntime(output, rows, width);
    }

    // Only when the processes reported (--runtime-stats): per measurement and program, the medians of what its runtime spent.
    private static void WriteRuntime(TextWriter output, IReadOnlyList<Measurement> rows, int width)
    {
        var reported = rows.SelectMany(r => r.RuntimeMedians().Select(m => (Row: r.Name, m.Program, m.Count, m.Median))).ToArray();
        if (reported.Length == 0)
            return;
        var programWidth = Math.Max(7, reported.Max(r => r.Program.Length));
        output.WriteLine("What the runtime spent, per program (medians; seconds, MB)");
        output.WriteLine($"  {"what".PadRight(width)}  {"program".PadRight(programWidth)}  {"n",3}  {"cpu",6}  {"jit n",6}  {"jit s",6}  {"gc 0/1/2",10}  {"gc s",5}  {"alloc",6}");
        foreach (var (row, program, count, m) in reported)
            output.WriteLine($"  {row.PadRight(width)}  {program.PadRight(programWidth)}  {count,3}  {m.Cpu.TotalSeconds,6:F2}  {m.JitMethods,6}  " +
                             $"{m.JitTime.TotalSeconds,6:F2}  {$"{m.Gen0}/{m.Gen1}/{m.Gen2}",10}  {m.GcPause.TotalSeconds,5:F2}  {m.AllocatedBytes / 1048576.0,6:F0}");
        output.WriteLine();
    }
}
