using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

public sealed class PipelineFilesTests
{
    // The shipped files are checked against the real trainer catalog: the one that will train them.
    private readonly PipelineSpecLoader loader = new(MlTrainerCatalog.Default, new DefaultMetricCatalog());

    public static TheoryData<string, string, TaskKind> Pipelines => new()
    {
        { "breast-cancer.yaml", "breast_cancer.csv", TaskKind.Binary },
        { "wine.yaml", "wine.csv", TaskKind.Multiclass },
        { "diabetes.yaml", "diabetes.csv", TaskKind.Regression },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Read_RepositoryPipeline_IsValidAndPointsIntoDataFolder(string file, string dataFile, TaskKind task)
    {
        var result = loader.Read(System.IO.Path.Combine(RepositoryRoot.Path, "pipelines", file));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var spec = result.Spec!;
        var expectedData = System.IO.Path.Combine(RepositoryRoot.Path, "data", dataFile);
        Assert.Equal(expectedData, spec.Data.Path);
        Assert.True(File.Exists(spec.Data.Path));
        Assert.Equal(task, spec.Data.Task);
        Assert.Equal("target", spec.Data.Label);
        Assert.NotEmpty(SearchSpaceExpander.Expand(spec.Sweep));
    }

    [Fact]
    public void Load_BreastCancer_HasTheSeedGridOfTwelveConfigurationsInFileOrder()
    {
        var spec = loader.Load(System.IO.Path.Combine(RepositoryRoot.Path, "pipelines", "breast-cancer.yaml"));

        var trials = SearchSpaceExpander.Expand(spec.Sweep);

        string[] cs = ["0.01", "0.1", "0.5", "1.0", "2.0", "3.0"];
        var expected = cs.Select(c => $"lbfgs_logistic_regression(C={c})")
            .Concat(cs.Select(c => $"sdca_logistic_regression(C={c})"));
        Assert.Equal(expected, trials.Select(t => t.ToString()));
        Assert.Equal(Enumerable.Range(0, 12), trials.Select(t => t.Index));
        Assert.Equal(12, spec.Sweep.Trials);
        Assert.Equal(new SelectSpec("roc_auc", OptimizationDirection.Maximize), spec.Select);
        Assert.Equal(
            [new GateSpec("roc_auc", GateComparator.GreaterOrEqual, 0.95), new GateSpec("accuracy_score", GateComparator.GreaterOrEqual, 0.9)],
            spec.Evaluate.Gates);
        Assert.Equal(new ModelSpec("breast-cancer-classifier", "champion"), spec.Model);
        Assert.Equal(new ServeSpec(5001, null) { PortIsExplicit = true }, spec.Serve);
        Assert.Equal(TrackingSpec.Default, spec.Tracking);
        Assert.Equal((0.2, true, 42), (spec.Data.TestFraction, spec.Data.Stratify, spec.Data.Seed));
        Assert.Equal((5, 2), (spec.Sweep.CvFolds, spec.Sweep.Parallelism));
    }

    [Fact]
    public void Load_Diabetes_SelectsByRmseDownwardsAndGatesOnR2()
    {
        var spec = loader.Load(System.IO.Path.Combine(RepositoryRoot.Path, "pipelines", "diabetes.yaml"));

        Assert.Equal(OptimizationDirection.Minimize, spec.Select.Direction);
        Assert.Equal("root_mean_squared_error", spec.Select.Metric);
        Assert.False(spec.Data.Stratify);
        Assert.Equal("r2_score >= 0.3", Assert.Single(spec.Evaluate.Gates).ToString());
    }
}
