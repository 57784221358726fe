using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace Pipeline.Bench.Training;

/// <summary>
/// For each size: writes a synthetic CSV in a temporary folder, then starts this bench again as a child
/// (<c>--scale N --csv PATH</c>) so the child's peak working set belongs to that size alone, and tabulates its figures.
/// </summary>
internal sealed class ScaleBench(BenchArguments arguments, TextWriter output)
{
    public void Run()
    {
        using var work = new TempFolder("pipeline-bench-scale");
        output.WriteLine($"Scale bench: {SyntheticData.FeatureCount} features, {ScaleChild.Grid.Length} configurations, " +
            $"{ScaleChild.Folds}-fold CV, parallelism {ScaleChild.Parallelism}{(arguments.SkipSweep ? " (sweep skipped)" : "")}; CSVs in {work.Path}");
        output.WriteLine();
        output.WriteLine($"  {"rows",9}  {"csv MB",7}  {"load s",7}  {"split s",7}  {"sweep s",8}  {"peak MB",8}  {"alloc GB",8}  {"cpu s",7}  {"load avg",8}");
        foreach (var rows in arguments.Sizes)
        {
            var csv = Path.Combine(work.Path, $"synthetic-{rows}.csv");
            SyntheticData.Write(csv, rows);
            var sizeMb = new FileInfo(csv).Length / 1048576.0;
            var (result, trials) = RunChild(rows, csv);
            var line = result is null
                ? $"  {rows,9}  {sizeMb,7:F0}  did not finish within {arguments.ChildTimeout.TotalMinutes:F0} min (killed)"
                : $"  {rows,9}  {sizeMb,7:F0}  {result["load"],7}  {result["split"],7}  {result["sweep"],8}  {result["peak_mb"],8}  {result["allocated_gb"],8}  {result["cpu"],7}";
            output.WriteLine($"{line}  {LoadAverage.OneMinute(),8:F1}");
            foreach (var trial in trials) output.WriteLine($"             {trial}");
            File.Delete(csv);
        }
        output.WriteLine();
    }

    private (Dictionary<string, string>? Result, List<string> Trials) RunChild(int rows, string csv)
    {
        var start = SelfStartInfo();
        foreach (var argument in new[] { "--scale", rows.ToString(CultureInfo.InvariantCulture), "--csv", csv }) start.ArgumentList.Add(argument);
        if (arguments.SkipSweep) start.ArgumentList.Add("--skip-sweep");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the scale child");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(arguments.ChildTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (null, []);
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scale child for {rows} rows exited with {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        var lines = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = lines.Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]
            .Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        return (result, lines.Where(l => l.StartsWith("TRIAL ", StringComparison.Ordinal)).Select(l => l["TRIAL ".Length..]).ToList());
    }

    // Under `dotnet Pipeline.Bench.Training.dll` the process is dotnet itself, so the assembly goes first.
    private static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this process's executable");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        return start;
    }
}
