using System.Diagnostics;
using System.Globalization;
using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Bench.Training;

/// <summary>
/// The child process of the scale bench, for one size: loads the CSV, splits it (80/20, stratified) and sweeps
/// <see cref="Grid"/> with 5-fold cross-validation, 2 configurations at a time, calling Pipeline.Ml directly.
/// Prints one <c>RESULT</c> line the parent reads.
/// </summary>
internal static class ScaleChild
{
    public const int Folds = 5;
    public const int Parallelism = 2;

    /// <summary>The fixed grid: logistic regression at two strengths and a 50-tree LightGBM.</summary>
    public static readonly (string Trainer, string Parameter, double Value)[] Grid =
    [
        ("lbfgs_logistic_regression", "C", 0.1),
        ("lbfgs_logistic_regression", "C", 1.0),
        ("lightgbm", "number_of_trees", 50),
    ];

    public static int Run(int rows, string csv, bool skipSweep = false)
    {
        var clock = Stopwatch.StartNew();
        var table = new CsvDataLoader(new CsvLoadOptions { LabelColumn = SyntheticData.Label, Task = TaskKind.Binary }).Load(csv);
        var load = clock.Elapsed;
        if (table.RowCount != rows) throw new InvalidOperationException($"expected {rows} rows, loaded {table.RowCount}");

        clock.Restart();
        var split = DataSplitter.TrainTestSplit(table, 0.2, seed: 42, stratify: true);
        var splitTime = clock.Elapsed;

        clock.Restart();
        var results = new (string Name, double Seconds, double Auc)[Grid.Length];
        Parallel.For(0, skipSweep ? 0 : Grid.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i =>
        {
            var (trainer, parameter, value) = Grid[i];
            var configuration = TrainerCatalog.Default.Resolve(TaskKind.Binary, trainer, new Dictionary<string, object?> { [parameter] = value });
            var cv = new CrossValidator().Run(split.Train, configuration, Folds);
            results[i] = ($"{trainer}({parameter}={value.ToString(CultureInfo.InvariantCulture)})", cv.Elapsed.TotalSeconds, cv.Mean["roc_auc"]);
        });
        var sweep = clock.Elapsed;

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT load={load.TotalSeconds:F3} split={splitTime.TotalSeconds:F3} sweep={sweep.TotalSeconds:F3} peak_mb={self.PeakWorkingSet64 / 1048576.0:F0} allocated_gb={GC.GetTotalAllocatedBytes() / 1073741824.0:F2} cpu={self.TotalProcessorTime.TotalSeconds:F1}"));
        foreach (var (name, seconds, auc) in results.Where(r => r.Name is not null))
            Console.WriteLine(FormattableString.Invariant($"TRIAL {name} {seconds:F2} s, roc_auc {auc:F4}"));
        return 0;
    }
}
