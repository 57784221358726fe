using Pipeline.Ml.Data;
using Pipeline.Ml.Training;
using Pipeline.Stages.Spec;

namespace Pipeline.Bench.Sweeps;

/// <summary>The real sweep: LightGBM on breast-cancer's training split, scored by cross-validated ROC AUC.</summary>
internal sealed class LightGbmObjective
{
    private readonly DataTable _train;

    public LightGbmObjective(int folds)
    {
        Folds = folds;
        var csv = Path.Combine(RepositoryRoot(), "data", "breast_cancer.csv");
        var table = new CsvDataLoader(new CsvLoadOptions { LabelColumn = "target", Task = TaskKind.Binary }).Load(csv);
        _train = DataSplitter.TrainTestSplit(table, 0.2, seed: 42, stratify: true).Train;
    }

    public int Folds { get; }

    public static IReadOnlyList<SearchSpaceEntry> Space { get; } =
    [
        new("lightgbm",
        [
            new SearchParameter("learning_rate", new RangeDomain(0.005, 0.5, Log: true, Integer: false)),
            new SearchParameter("number_of_leaves", new RangeDomain(2, 64, Log: true, Integer: true)),
            new SearchParameter("number_of_trees", new RangeDomain(5, 300, Log: true, Integer: true)),
            new SearchParameter("min_examples_per_leaf", new RangeDomain(2, 100, Log: true, Integer: true)),
        ]),
    ];

    public double Evaluate(TrialConfiguration c)
    {
        var configuration = TrainerCatalog.Default.Resolve(TaskKind.Binary, c.Trainer,
            c.Parameters.ToDictionary(p => p.Key, p => (object?)p.Value.AsDouble()), seed: 42);
        return new CrossValidator().Run(_train, configuration, Folds).Mean["roc_auc"];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "pipelines")) && Directory.Exists(Path.Combine(dir.FullName, "data")))
                return dir.FullName;
        throw new DirectoryNotFoundException("No repository root (a folder with pipelines/ and data/) above the bench.");
    }
}
