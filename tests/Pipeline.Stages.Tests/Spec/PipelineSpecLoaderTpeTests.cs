using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

/// <summary>Whole inline files for the tpe strategy, pruners, stop_when and timeout.</summary>
public sealed class PipelineSpecLoaderTpeTests : IDisposable
{
    private const string Tpe = """
        experiment: test
        data:
          path: data.csv
          label: target
          task: binary_classification
        sweep:
          strategy: tpe
          trials: 30
          seed: 3
          tpe:
            n_startup_trials: 8
          pruner: median
          stop_when: roc_auc >= 0.99
          timeout: 10m
          search_space:
            - trainer: lightgbm
              params:
                number_of_leaves: {min: 4, max: 64, log: true}
                learning_rate: {min: 0.01, max: 0.3, log: true}
                booster: [gbdt, dart]
            - trainer: lbfgs_logistic_regression
              params:
                C: [0.1, 1.0]
        select:
          metric: roc_auc
        model:
          name: m
        """;

    private readonly TempDataFolder folder = new();
    private readonly PipelineSpecLoader loader = new(new FixtureTrainerCatalog(), new DefaultMetricCatalog());

    public void Dispose() => folder.Dispose();

    private PipelineSpecResult Parse(string yaml) => loader.Parse(yaml, "t.yaml", folder.Path);

    [Fact]
    public void Parse_Tpe_ReadsTrialsRangesAndEveryStoppingOption()
    {
        var sweep = Parse(Tpe).GetSpecOrThrow().Sweep;

        Assert.Equal((SweepStrategy.Tpe, 30, 3), (sweep.Strategy, sweep.Trials, sweep.Seed));
        Assert.Equal(8, sweep.Tpe!.StartupTrials);
        Assert.Equal(24, sweep.Tpe.EiCandidates);
        Assert.Equal(new PrunerSpec(PrunerKind.Median), sweep.Pruner);
        Assert.Equal("roc_auc >= 0.99", sweep.StopWhen!.ToString());
        Assert.Equal(TimeSpan.FromMinutes(10), sweep.Timeout);
        Assert.Equal(new RangeDomain(4, 64, Log: true, Integer: true), sweep.SearchSpace[0].Parameters[0].Domain);
    }

    [Theory]
    [InlineData("pruner: median", "pruner: {type: successive_halving, min_resource: 2, reduction_factor: 3}")]
    [InlineData("pruner: median", "pruner: {type: hyperband, reduction_factor: 2}")]
    [InlineData("pruner: median", "pruner: {type: median, n_startup_trials: 2, n_warmup_steps: 1}")]
    [InlineData("timeout: 10m", "timeout: 90")]
    [InlineData("timeout: 10m", "timeout: 1.5h")]
    public void Parse_OtherValidSettings_HaveNoErrors(string find, string replace) =>
        Assert.Empty(Parse(Tpe.Replace(find, replace)).Errors);

    [Fact]
    public void Parse_PrunerMapping_ReadsItsSettings()
    {
        var sweep = Parse(Tpe.Replace("pruner: median", "pruner: {type: successive_halving, min_resource: 2, reduction_factor: 3}")).GetSpecOrThrow().Sweep;

        Assert.Equal(new PrunerSpec(PrunerKind.SuccessiveHalving, MinResource: 2, ReductionFactor: 3), sweep.Pruner);
    }

    public static TheoryData<string, string, int, string> BadEdits => new()
    {
        { "  trials: 30\n", "", 7, "sweep.trials: strategy 'tpe' needs trials" },
        { "strategy: tpe", "strategy: tpr", 7, "sweep.strategy: unknown value 'tpr'; did you mean 'tpe'?" },
        { "n_startup_trials: 8", "n_startup_trial: 8", 11, "sweep.tpe.n_startup_trial: unknown key 'n_startup_trial'; did you mean 'n_startup_trials'?" },
        { "n_startup_trials: 8", "n_startup_trials: -1", 11, "sweep.tpe.n_startup_trials: must be >= 0, got -1" },
        { "pruner: median", "pruner: medain", 12, "sweep.pruner: unknown value 'medain'; did you mean 'median'? (allowed: median, successive_halving, hyperband)" },
        { "pruner: median", "pruner: {type: hyperband, n_warmup_steps: 1}", 12, "sweep.pruner.n_warmup_steps: pruner 'hyperband' has no setting 'n_warmup_steps' (its settings: min_resource, reduction_factor)" },
        { "pruner: median", "pruner: {type: successive_halving, reduction_factor: 1}", 12, "sweep.pruner.reduction_factor: must be >= 2, got 1" },
        { "pruner: median", "pruner: {type: median, n_warmup_steps: 6}", 12, "sweep.pruner.n_warmup_steps: must be between 0 and 5, got 6" },
        { "pruner: median", "pruner: {n_warmup_steps: 1}", 12, "sweep.pruner.type: missing required key" },
        { "stop_when: roc_auc >= 0.99", "stop_when: rocauc >= 0.99", 13, "sweep.stop_when: metric 'rocauc' is not produced for task 'binary_classification'; did you mean 'roc_auc'?" },
        { "stop_when: roc_auc >= 0.99", "stop_when: roc_auc about 0.99", 13, "sweep.stop_when:" },
        { "stop_when: roc_auc >= 0.99", "stop_when: roc_auc >= champion.roc_auc", 13, "stop_when compares with a number" },
        { "timeout: 10m", "timeout: 10 minutes", 14, "sweep.timeout: expected a positive duration in seconds or with a unit (e.g. 600, 90s, 10m, 1h), got '10 minutes'" },
        { "timeout: 10m", "timeout: 0", 14, "sweep.timeout: expected a positive duration" },
        { "strategy: tpe", "strategy: random", 11, "sweep.tpe: tpe settings need strategy 'tpe' (the strategy is 'random')" },
        { "strategy: tpe", "strategy: grid", 18, "needs strategy 'random' or 'tpe'" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public void Parse_BadValue_ReportsKeyPathAndLine(string find, string replace, int line, string expected)
    {
        Assert.Contains(find, Tpe);
        var errors = Parse(Tpe.Replace(find, replace)).Errors;

        Assert.True(errors.Any(e => e.Line == line && e.ToString().Contains(expected, StringComparison.Ordinal)),
            string.Join("\n", errors));
    }
}
