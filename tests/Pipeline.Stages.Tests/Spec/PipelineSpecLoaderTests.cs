using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Tests.Spec;

public sealed class PipelineSpecLoaderTests : IDisposable
{
    // Line numbers below refer to this file; each bad case edits one line of it.
    private const string Valid = """
        experiment: test
        data:
          path: data.csv
          label: target
          task: binary_classification
        sweep:
          search_space:
            - trainer: lbfgs_logistic_regression
              params:
                C: [0.1, 1.0]
        select:
          metric: roc_auc
        model:
          name: test-model
        """;

    private readonly TempDataFolder folder = new();
    private readonly PipelineSpecLoader loader = new(new FixtureTrainerCatalog(), new DefaultMetricCatalog());

    public void Dispose() => folder.Dispose();

    private PipelineSpecResult Parse(string yaml) => loader.Parse(yaml, "test.yaml", folder.Path);

    [Fact]
    public void Parse_MinimalFile_FillsDocumentedDefaults()
    {
        var spec = Parse(Valid).GetSpecOrThrow();

        Assert.Equal(System.IO.Path.Combine(folder.Path, "data.csv"), spec.Data.Path);
        Assert.Equal(new DataSpec(spec.Data.Path, "target", TaskKind.Binary, 0.2, true, 42), spec.Data);
        Assert.Equal((SweepStrategy.Grid, 2, 42, 5, 1), (spec.Sweep.Strategy, spec.Sweep.Trials, spec.Sweep.Seed, spec.Sweep.CvFolds, spec.Sweep.Parallelism));
        Assert.Equal(OptimizationDirection.Maximize, spec.Select.Direction);
        Assert.Empty(spec.Evaluate.Gates);
        Assert.Equal(new ModelSpec("test-model", "champion"), spec.Model);
        Assert.Equal(new ServeSpec(5001, null), spec.Serve);
        Assert.Equal(new TrackingSpec("sqlite:///mlruns.db", "./mlartifacts"), spec.Tracking);
        Assert.Equal(System.IO.Path.Combine(folder.Path, "test.yaml"), spec.SourcePath);
    }

    [Fact]
    public void Parse_BaselineGateAndPromote_ReadsAliasMetricOffsetAndThresholds()
    {
        var yaml = Valid.Replace("model:", "evaluate:\n  gates:\n    - roc_auc >= champion.roc_auc - 0.002\nmodel:")
            .Replace("name: test-model", "name: test-model\n  alias: challenger\n  promote: { to_alias: champion, metrics: [roc_auc, log_loss], min_absolute_change: 0.002 }");

        var spec = Parse(yaml).GetSpecOrThrow();

        Assert.Equal(new GateBaseline("champion", "roc_auc", -0.002), spec.Evaluate.Gates.Single().Baseline);
        Assert.Equal("champion", spec.Model.Promote!.ToAlias);
        Assert.Equal(
            [new("roc_auc", 0.002, null, true), new("log_loss", 0.002, null, false)],
            spec.Model.Promote.Thresholds.ToArray<Pipeline.Stages.Promotion.MetricThreshold>());
    }

    [Fact]
    public void Parse_LossMetricWithoutDirection_MinimizesByDefault()
    {
        var spec = Parse(Valid.Replace("metric: roc_auc", "metric: log_loss")).GetSpecOrThrow();

        Assert.Equal(OptimizationDirection.Minimize, spec.Select.Direction);
    }

    /// <summary>(find, replace) applied to <see cref="Valid"/>, the line and the error text expected.</summary>
    public static TheoryData<string, string, int, string> BadEdits => new()
    {
        { "  search_space:", "  cv_fold: 3\n  search_space:", 7, "sweep.cv_fold: unknown key 'cv_fold'; did you mean 'cv_folds'?" },
        { "experiment: test", "experiment: test\nexperimnt: x", 2, "experimnt: unknown key 'experimnt'; did you mean 'experiment'?" },
        { "C: [0.1, 1.0]", "C: [0.1, abc]", 10, "sweep.search_space[0].params.C[1]: expected a number, got 'abc'" },
        { "C: [0.1, 1.0]", "C: [0.1, \"1.0\"]", 10, "params.C[1]: expected a number, got '1.0'" },
        { "  label: target\n", "", 3, "data.label: missing required key" },
        { "model:\n  name: test-model", "", 1, "model: missing required section" },
        { "task: binary_classification", "task: binary", 5, "data.task: unknown value 'binary'; did you mean 'binary_classification'? (allowed: binary_classification, multiclass_classification, regression)" },
        { "task: binary_classification", "task: regresion", 5, "did you mean 'regression'?" },
        { "  task: binary_classification", "  task: binary_classification\n  test_fraction: 1.5", 6, "data.test_fraction: must be strictly between 0 and 1, got 1.5" },
        { "  task: binary_classification", "  task: binary_classification\n  test_fraction: 0", 6, "must be strictly between 0 and 1, got 0" },
        { "  task: binary_classification", "  task: binary_classification\n  stratify: maybe", 6, "data.stratify: expected true or false, got 'maybe'" },
        { "  task: binary_classification", "  task: binary_classification\n  seed: 1.5", 6, "data.seed: expected an integer, got '1.5'" },
        { "  search_space:", "  cv_folds: 1\n  search_space:", 7, "sweep.cv_folds: must be >= 2, got 1" },
        { "  search_space:", "  parallelism: 0\n  search_space:", 7, "sweep.parallelism: must be >= 1, got 0" },
        { "  search_space:", "  strategy: bayes\n  search_space:", 7, "sweep.strategy: unknown value 'bayes' (allowed: grid, random, tpe)" },
        { "  search_space:", "  trials: 5\n  search_space:", 7, "sweep.trials: trials is only used with strategy 'random'" },
        { "  search_space:", "  max_retries: -1\n  search_space:", 7, "sweep.max_retries: must be between 0 and 100, got -1" },
        { "  search_space:", "  heartbeat_interval: 0\n  search_space:", 7, "sweep.heartbeat_interval: must be a number of seconds in (0, 3600], got 0" },
        { "  search_space:", "  heartbeat_interval: fast\n  search_space:", 7, "sweep.heartbeat_interval: expected a number, got 'fast'" },
        { "  search_space:", "  heartbeat_interval: 1\n  heartbeat_timeout: 2\n  search_space:", 8, "sweep.heartbeat_timeout: heartbeat_timeout must be more than twice heartbeat_interval" },
        { "  search_space:", "  heartbeat_interval: 40\n  search_space:", 7, "sweep.heartbeat_interval: heartbeat_timeout must be more than twice heartbeat_interval" },
        { "  search_space:", "  max_retry: 2\n  search_space:", 7, "did you mean 'max_retries'?" },
        { "trainer: lbfgs_logistic_regression", "trainer: lbfgs_logistic_regresion", 8, "sweep.search_space[0].trainer: unknown trainer 'lbfgs_logistic_regresion'; did you mean 'lbfgs_logistic_regression'? (trainers for binary_classification: fast_tree, lbfgs_logistic_regression, lightgbm, sdca_logistic_regression)" },
        { "trainer: lbfgs_logistic_regression", "trainer: sdca", 8, "trainer 'sdca' does not support task 'binary_classification'" },
        { "trainer: lbfgs_logistic_regression", "trainer: lbfgs_maximum_entropy", 8, "trainer 'lbfgs_maximum_entropy' does not support task 'binary_classification'" },
        { "C: [0.1, 1.0]", "Cc: [0.1, 1.0]", 10, "params.Cc: unknown parameter 'Cc' of trainer 'lbfgs_logistic_regression'; did you mean 'C'?" },
        { "C: [0.1, 1.0]", "C: [0, 1.0]", 10, "params.C[0]: 0 is outside the allowed range (0, +inf) of 'C'" },
        { "C: [0.1, 1.0]", "C: {min: 0.01, max: 1.0, log: true}", 10, "params.C: a range {min, max} needs strategy 'random'" },
        { "C: [0.1, 1.0]", "C: []", 10, "params.C: the list of values is empty" },
        { "C: [0.1, 1.0]", "C:", 10, "params.C: expected a list of values or a range {min, max}, got null" },
        { "C: [0.1, 1.0]", "maximum_number_of_iterations: [10, 20.5]", 10, "params.maximum_number_of_iterations[1]: expected an integer, got '20.5'" },
        { "  search_space:\n    - trainer: lbfgs_logistic_regression\n      params:\n        C: [0.1, 1.0]", "  search_space: []", 7, "sweep.search_space: the search space is empty" },
        { "metric: roc_auc", "metric: rmse", 12, "select.metric: metric 'rmse' is not produced for task 'binary_classification'" },
        { "metric: roc_auc", "metric: roc_aux", 12, "did you mean 'roc_auc'?" },
        { "metric: roc_auc", "metric: precision_recall", 12, "did you mean 'precision_recall_auc'?" },
        { "metric: roc_auc", "metric: roc_auc\n  direction: up", 13, "select.direction: unknown value 'up' (allowed: maximize, minimize)" },
        { "model:", "evaluate:\n  gates:\n    - roc_auc >> 0.9\nmodel:", 15, "evaluate.gates[0]: cannot parse gate 'roc_auc >> 0.9'" },
        { "model:", "evaluate:\n  gates:\n    - roc_auc >= high\nmodel:", 15, "threshold 'high' is not a finite number" },
        { "model:", "evaluate:\n  gates:\n    - r2_score >= 0.5\nmodel:", 15, "evaluate.gates[0]: metric 'r2_score' is not produced for task 'binary_classification'" },
        { "model:", "evaluate:\n  gates:\n    - roc_auc >= champion.roc_auc - x\nmodel:", 15, "evaluate.gates[0]: gate 'roc_auc >= champion.roc_auc - x': the offset 'x'" },
        { "model:", "evaluate:\n  gates:\n    - roc_auc >= champion.r2_score\nmodel:", 15, "evaluate.gates[0]: metric 'r2_score' is not produced" },
        { "model:", "evaluate:\n  gates:\n    - roc_auc >= latest.roc_auc\nmodel:", 15, "the alias 'latest' is reserved by MLflow" },
        { "name: test-model", "name: test-model\n  promote:\n    to_alias: champion\n    metrics: [roc_auc]", 16, "model.promote.to_alias: to_alias must differ from model.alias ('champion')" },
        { "name: test-model", "name: test-model\n  alias: challenger\n  promote:\n    to_alias: champion\n    metrics: [r2_score]", 18, "model.promote.metrics[0]: metric 'r2_score' is not produced" },
        { "name: test-model", "name: test-model\n  alias: challenger\n  promote:\n    to_alias: champion\n    metrics: roc_auc", 18, "model.promote.metrics: expected a non-empty list" },
        { "name: test-model", "name: test-model\n  alias: challenger\n  promote:\n    to_alias: champion\n    metrics: [roc_auc]\n    min_absolute_change: -1", 19, "model.promote.min_absolute_change: must be a number >= 0" },
        { "name: test-model", "name: test-model\n  alias: challenger\n  promote:\n    metrics: [roc_auc]", 17, "model.promote.to_alias: missing required key" },
        { "path: data.csv", "path: missing.csv", 3, "data.path: data file 'missing.csv' does not exist" },
        { "label: target", "label: targets", 4, "data.label: column 'targets' is not in the header of data.csv; did you mean 'target'? (3 columns: a, b, target)" },
        { "name: test-model", "name: test-model\n  alias: latest", 15, "model.alias: the alias 'latest' is reserved by MLflow" },
        { "name: test-model", "name: test-model\n  alias: v2", 15, "reserved by MLflow for version numbers" },
        { "name: test-model", "name: test-model\n  alias: my alias", 15, "invalid alias 'my alias'" },
        { "model:", "serve:\n  port: 70000\nmodel:", 14, "serve.port: must be between 0 and 65535, got 70000" },
        { "model:", "serve:\n  registry: GHCR.io/Team\nmodel:", 14, "serve.registry: 'GHCR.io/Team' is not a registry prefix" },
        { "model:", "serve:\n  save: ''\nmodel:", 14, "serve.save: expected a non-empty string" },
        { "model:", "serve:\n  challenger: challenger\nmodel:", 14, "serve.challenger: 'challenger' is not a registry model URI: expected models:/<name>@<alias> or models:/<name>/<version>" },
        { "model:", "serve:\n  challenger: models:/m@challenger\n  split: 1.5\nmodel:", 15, "serve.split: must be a share from 0 to 1, got 1.5" },
        { "model:", "serve:\n  challenger: models:/m/2\n  shadow: maybe\nmodel:", 15, "serve.shadow: expected true or false" },
        { "model:", "serve:\n  split: 0.2\nmodel:", 14, "serve.split: split needs serve.challenger" },
        { "model:", "serve:\n  challenger: models:/m/2\n  shadow: true\n  split: 0.2\nmodel:", 16, "serve.split: split has no effect with shadow: true" },
        { "model:", "serve:\n  shadow: true\nmodel:", 14, "serve.shadow: shadow needs serve.challenger" },
        { "model:", "serve:\n  challenger: models:/m/2\n  sticky_header: X User\nmodel:", 15, "serve.sticky_header: 'X User' is not an HTTP header name" },
        { "model:", "serve:\n  log_predictions: logs\n  log_inputs: sha\nmodel:", 15, "serve.log_inputs: unknown value 'sha' (allowed: full, hash)" },
        { "model:", "serve:\n  log_predictions: logs\n  log_sample: 0\nmodel:", 15, "serve.log_sample: must be a share above 0 and at most 1, got 0" },
        { "model:", "serve:\n  log_sample: 0.5\nmodel:", 14, "serve.log_sample: log_sample needs serve.log_predictions" },
        { "model:", "serve:\n  challanger: models:/m/2\nmodel:", 14, "did you mean 'challenger'?" },
        { "model:", "tracking: sqlite:///x.db\nmodel:", 13, "tracking: expected a mapping, got 'sqlite:///x.db'" },
        { "experiment: test", "experiment: [a, b]", 1, "experiment: expected a non-empty string, got a list" },
        // The parser notices bad indentation where the next key fails to line up.
        { "  path: data.csv", "   path: data.csv", 4, "YAML syntax: While parsing a block mapping, did not find expected key" },
        { "  label: target", "  label: target\n  label: other", 5, "YAML syntax: Duplicate key" },
    };

    [Fact]
    public void Parse_SharedSweepKeys_AreReadWithDocumentedDefaults()
    {
        var defaults = Parse(Valid).GetSpecOrThrow().Sweep;
        var spec = Parse(Valid.Replace("  search_space:", "  max_retries: 3\n  heartbeat_interval: 0.5\n  heartbeat_timeout: 2\n  search_space:")).GetSpecOrThrow().Sweep;

        Assert.Equal((1, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)), (defaults.MaxRetries, defaults.HeartbeatInterval, defaults.HeartbeatTimeout));
        Assert.Equal((3, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(2)), (spec.MaxRetries, spec.HeartbeatInterval, spec.HeartbeatTimeout));
    }

    [Fact]
    public void Parse_ServeRegistryAndSave_AreRead()
    {
        var spec = Parse(Valid.Replace("model:", "serve:\n  registry: 127.0.0.1:5000/ml/\n  save: release/model.tar\nmodel:")).GetSpecOrThrow();

        Assert.Equal("127.0.0.1:5000/ml", spec.Serve.Registry);
        Assert.Equal("release/model.tar", spec.Serve.Save);
    }

    [Fact]
    public void Parse_ServeChallengerAndPredictionLog_AreReadWithDocumentedDefaults()
    {
        var defaults = Parse(Valid).GetSpecOrThrow().Serve;
        var spec = Parse(Valid.Replace("model:", "serve:\n  challenger: models:/test-model@challenger\n  split: 0.25\n  sticky_header: X-User\n" +
                                                 "  log_predictions: prediction-log\n  log_inputs: hash\n  log_sample: 0.5\nmodel:")).GetSpecOrThrow().Serve;

        Assert.Equal((null, 0.1, false, "X-Request-Id", null, "full", 1.0),
            (defaults.Challenger, defaults.Split, defaults.Shadow, defaults.StickyHeader, defaults.LogPredictions, defaults.LogInputs, defaults.LogSample));
        Assert.Equal(("models:/test-model@challenger", 0.25, false, "X-User", "prediction-log", "hash", 0.5),
            (spec.Challenger, spec.Split, spec.Shadow, spec.StickyHeader, spec.LogPredictions, spec.LogInputs, spec.LogSample));
        Assert.True(Parse(Valid.Replace("model:", "serve:\n  challenger: models:/test-model/2\n  shadow: true\nmodel:")).GetSpecOrThrow().Serve.Shadow);
    }

    [Theory]
    [MemberData(nameof(BadEdits))]
    public void Parse_BadValue_ReportsKeyPathAndLine(string find, string replace, int line, string expected)
    {
        Assert.Contains(find, Valid);
        var result = Parse(Valid.Replace(find, replace));

        Assert.False(result.IsValid);
        Assert.Null(result.Spec);
        var lines = string.Join(Environment.NewLine, result.Errors);
        Assert.Contains(result.Errors, e => e.Line == line && e.ToString().Contains(expected, StringComparison.Ordinal));
        Assert.StartsWith($"test.yaml:", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOneInLineOrder()
    {
        var yaml = Valid
            .Replace("task: binary_classification", "task: binary_classification\n  test_fraction: 2")
            .Replace("C: [0.1, 1.0]", "C: [abc]\n        Cx: [1]")
            .Replace("metric: roc_auc", "metric: nope");

        var errors = Parse(yaml).Errors;

        Assert.Equal(
        [
            "test.yaml:6: data.test_fraction: must be strictly between 0 and 1, got 2",
            "test.yaml:11: sweep.search_space[0].params.C[0]: expected a number, got 'abc'",
            "test.yaml:12: sweep.search_space[0].params.Cx: unknown parameter 'Cx' of trainer 'lbfgs_logistic_regression'; did you mean 'C'? (parameters: C, maximum_number_of_iterations)",
            "test.yaml:14: select.metric: metric 'nope' is not produced for task 'binary_classification' (metrics: true_negatives, false_positives, false_negatives, true_positives, example_count, accuracy_score, recall_score, precision_score, f1_score, log_loss, roc_auc, precision_recall_auc)",
        ],
        errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_InvalidFile_ThrowsWithEveryErrorInTheMessage()
    {
        var path = System.IO.Path.Combine(folder.Path, "bad.yaml");
        File.WriteAllText(path, Valid.Replace("metric: roc_auc", "metric: nope").Replace("C: [0.1, 1.0]", "C: [x]"));

        var error = Assert.Throws<PipelineSpecException>(() => loader.Load(path));

        Assert.Equal(2, error.Errors.Count);
        Assert.Contains($"{path}:10: sweep.search_space[0].params.C[0]: expected a number, got 'x'", error.Message);
        Assert.Contains($"{path}:12: select.metric:", error.Message);
    }

    [Fact]
    public void Read_MissingFile_ReportsTheFileWithoutThrowing()
    {
        var result = loader.Read(System.IO.Path.Combine(folder.Path, "absent.yaml"));

        Assert.Equal("", Assert.Single(result.Errors).KeyPath);
        Assert.Contains("cannot read the pipeline file", result.Errors[0].Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyFile_SaysSo(string yaml)
    {
        Assert.Contains("the file is empty", Assert.Single(Parse(yaml).Errors).Message);
    }
}
