using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

/// <summary>Whole inline files for the random strategy, ranges and the regression task.</summary>
public sealed class PipelineSpecLoaderRandomTests : IDisposable
{
    private const string Regression = """
        experiment: test
        data:
          path: data.csv
          label: target
          task: regression
        sweep:
          strategy: random
          trials: 7
          seed: 3
          search_space:
            - trainer: lightgbm
              params:
                number_of_leaves: {min: 4, max: 64, log: true}
                learning_rate: {min: 0.01, max: 0.3, log: true}
                booster: [gbdt, dart]
                use_softmax: false
            - trainer: ols
        select:
          metric: root_mean_squared_error
        evaluate:
          gates:
            - r2_score >= 0.3
            - max_error<100
        model:
          name: m
        """;

    private readonly TempDataFolder folder = new();
    private readonly PipelineSpecLoader loader = new(new FixtureTrainerCatalog(), new DefaultMetricCatalog());

    public void Dispose() => folder.Dispose();

    private PipelineSpecResult Parse(string yaml) => loader.Parse(yaml, "r.yaml", folder.Path);

    [Fact]
    public void Parse_RandomRegression_ReadsRangesChoicesAndInfersIntegerFromTheCatalog()
    {
        var spec = Parse(Regression).GetSpecOrThrow();

        Assert.Equal((SweepStrategy.Random, 7, 3), (spec.Sweep.Strategy, spec.Sweep.Trials, spec.Sweep.Seed));
        Assert.False(spec.Data.Stratify);
        Assert.Equal(OptimizationDirection.Minimize, spec.Select.Direction);
        var lightgbm = spec.Sweep.SearchSpace[0].Parameters;
        Assert.Equal(new RangeDomain(4, 64, Log: true, Integer: true), lightgbm[0].Domain);
        Assert.Equal(new RangeDomain(0.01, 0.3, Log: true, Integer: false), lightgbm[1].Domain);
        Assert.Equal(["gbdt", "dart"], ((ValueListDomain)lightgbm[2].Domain).Values.Select(v => v.Text));
        Assert.False(((ValueListDomain)lightgbm[3].Domain).Values.Single().AsBoolean());
        Assert.Empty(spec.Sweep.SearchSpace[1].Parameters);
        Assert.Equal(["r2_score >= 0.3", "max_error < 100"], spec.Evaluate.Gates.Select(g => g.ToString()));
        Assert.Equal(7, SearchSpaceExpander.Expand(spec.Sweep).Count);
    }

    public static TheoryData<string, string, int, string> BadEdits => new()
    {
        { "task: regression", "task: regression\n  stratify: true", 6, "data.stratify: stratified splits need class labels; not allowed for task 'regression'" },
        { "{min: 4, max: 64, log: true}", "{min: 0, max: 64, log: true}", 13, "number_of_leaves.min: 0 is outside the allowed range [2, +inf)" },
        { "{min: 4, max: 64, log: true}", "{min: 4.5, max: 64}", 13, "number_of_leaves.min: an integer range needs whole bounds, got 4.5" },
        { "{min: 4, max: 64, log: true}", "{min: 4, max: 64, integer: false}", 13, "integer cannot be false" },
        { "{min: 4, max: 64, log: true}", "{min: 40, max: 4}", 13, "number_of_leaves.max: max (4) is less than min (40)" },
        { "{min: 4, max: 64, log: true}", "{min: 4, max: 64, step: 2}", 13, "number_of_leaves.step: unknown key 'step'" },
        { "{min: 4, max: 64, log: true}", "{max: 64}", 13, "number_of_leaves.min: missing required key" },
        { "{min: 0.01, max: 0.3, log: true}", "{min: -1, max: 0.3}", 14, "learning_rate.min: -1 is outside the allowed range (0, 1]" },
        { "booster: [gbdt, dart]", "booster: [gbdt, dark]", 15, "booster[1]: unknown value 'dark'; did you mean 'dart'? (allowed: gbdt, dart, goss)" },
        { "booster: [gbdt, dart]", "booster: {min: 1, max: 2}", 15, "'booster' is not numeric; list its values instead of a range" },
        { "use_softmax: false", "use_softmax: 0", 16, "params.use_softmax: expected true or false, got '0'" },
        { "trials: 7", "trials: 0", 8, "sweep.trials: must be >= 1, got 0" },
        { "- max_error<100", "- accuracy_score >= 0.9", 23, "metric 'accuracy_score' is not produced for task 'regression'" },
        { "metric: root_mean_squared_error", "metric: roc_auc", 19, "metric 'roc_auc' is not produced for task 'regression'" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public void Parse_BadValue_ReportsKeyPathAndLine(string find, string replace, int line, string expected)
    {
        Assert.Contains(find, Regression);
        var errors = Parse(Regression.Replace(find, replace)).Errors;

        Assert.Contains(errors, e => e.Line == line && e.ToString().Contains(expected, StringComparison.Ordinal));
    }
}
