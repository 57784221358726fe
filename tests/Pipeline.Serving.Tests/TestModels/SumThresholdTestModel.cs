using Pipeline.Serving.Batch;
using Pipeline.Serving.Model;
using Pipeline.Serving.Protocol;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Tests.TestModels;

/// <summary>
/// TEST MODEL, not for serving: a deterministic "classifier" predicting <c>sum &gt; threshold</c>, where the
/// sum adds every numeric and boolean cell of the row (nulls count 0). With predict_proba it answers
/// <c>[1 - p, p]</c>, p = logistic(sum - threshold). A string column named <c>tag</c> steers failures:
/// "refuse" makes it throw <see cref="ScoringException"/> (400), "crash" an unexpected exception (500).
/// It scores through a <see cref="ScoringEnginePool{TEngine}"/> of <see cref="ExclusiveTestEngine"/>s, which
/// throw if two requests ever share one.
/// </summary>
internal sealed class SumThresholdTestModel : IScoringModel, IDisposable
{
    private readonly ScoringEnginePool<ExclusiveTestEngine> _engines;

    public SumThresholdTestModel(ScoringSchema schema, double threshold = 10, int poolSize = 4, string version = "7")
    {
        InputSchema = schema;
        Threshold = threshold;
        Version = version;
        _engines = new ScoringEnginePool<ExclusiveTestEngine>(() => new ExclusiveTestEngine(Counters), poolSize);
    }

    /// <summary>x (double), n (long) required; f (float), i (integer), flag (boolean), tag (string) optional.</summary>
    public static ScoringSchema DefaultSchema { get; } = new(
    [
        new ScoringColumnSpec("x", ScoringType.Double),
        new ScoringColumnSpec("n", ScoringType.Long),
        new ScoringColumnSpec("f", ScoringType.Float, Required: false),
        new ScoringColumnSpec("i", ScoringType.Integer, Required: false),
        new ScoringColumnSpec("flag", ScoringType.Boolean, Required: false),
        new ScoringColumnSpec("tag", ScoringType.String, Required: false),
    ]);

    public double Threshold { get; }

    public ExclusiveTestEngine.Stats Counters { get; } = new();

    public ScoringSchema InputSchema { get; }

    public string Version { get; }

    public bool SupportsProbabilities => true;

    public static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    public IReadOnlyList<object?> Predict(ScoringBatch batch, ScoringParams parameters, CancellationToken cancellationToken)
    {
        var tags = batch.Find("tag");
        for (var row = 0; row < batch.RowCount; row++)
        {
            switch (tags?.GetValue(row))
            {
                case "refuse":
                    throw new ScoringException($"row {row}: the test model refuses tag 'refuse'");
                case "crash":
                    throw new InvalidOperationException("the test model crashed on purpose");
            }
        }

        using var lease = _engines.Rent();
        return lease.Engine.Score(batch, Threshold, parameters.PredictProba);
    }

    public void Dispose() => _engines.Dispose();
}
