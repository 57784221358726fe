using Microsoft.ML;
using Microsoft.ML.Data;
using Pipeline.Ml.Data;

namespace Pipeline.Serving.Model;

/// <summary>
/// One scoring engine over a loaded ML.NET pipeline: the pipeline's row-to-row mapper bound to a reusable input
/// row, with its output getters made once. Scoring a row is then a few delegate calls, without the data-view and
/// cursor set-up of <c>ITransformer.Transform</c>. Not thread-safe: one per caller (see <see cref="ScoringEnginePool{TEngine}"/>).
/// Reads the same output columns as offline scoring (PredictedLabel, Probability, Score), so results are equal.
/// </summary>
internal sealed class MlNetRowScorer : IDisposable
{
    private readonly MlNetFeatureRow _input;
    private readonly DataViewRow _output;
    private readonly TaskKind _task;
    private readonly ValueGetter<bool>? _binaryLabel;
    private readonly ValueGetter<float>? _probability;
    private readonly ValueGetter<uint>? _multiclassLabel;
    private readonly ValueGetter<VBuffer<float>>? _scores;
    private readonly ValueGetter<float>? _value;
    private VBuffer<float> _scoreBuffer;

    public MlNetRowScorer(ITransformer transformer, IReadOnlyList<string> features, TaskKind task)
    {
        _input = new MlNetFeatureRow(features);
        _task = task;
        var mapper = transformer.GetRowToRowMapper(_input.Schema);
        var schema = mapper.OutputSchema;
        DataViewSchema.Column Column(string name) => schema.GetColumnOrNull(name)
            ?? throw new InvalidOperationException($"The model's output has no column '{name}' (columns: {string.Join(", ", schema.Select(c => c.Name))}).");
        string[] needed = task switch
        {
            TaskKind.Binary => ["PredictedLabel", "Probability"],
            TaskKind.Multiclass => ["PredictedLabel", "Score"],
            _ => ["Score"],
        };
        var active = needed.Select(Column).ToArray();
        _output = mapper.GetRow(_input, active);
        switch (task)
        {
            case TaskKind.Binary:
                _binaryLabel = _output.GetGetter<bool>(active[0]);
                _probability = _output.GetGetter<float>(active[1]);
                break;
            case TaskKind.Multiclass:
                _multiclassLabel = _output.GetGetter<uint>(active[0]);
                _scores = _output.GetGetter<VBuffer<float>>(active[1]);
                break;
            default:
                _value = _output.GetGetter<float>(active[0]);
                break;
        }
    }

    /// <summary>The input values of the next row; fill every feature, then call <see cref="Score"/>.</summary>
    public float[] Features => _input.Values;

    /// <summary>
    /// Scores the row in <see cref="Features"/>: the predicted class index (binary 0/1, multiclass 0-based, -1 when
    /// the model predicted none) or regression value, and the class probabilities when <paramref name="probabilities"/>
    /// is given (it must have one slot per class).
    /// </summary>
    public double Score(double[]? probabilities)
    {
        _input.Advance();
        switch (_task)
        {
            case TaskKind.Binary:
            {
                var label = false;
                _binaryLabel!(ref label);
                if (probabilities is not null)
                {
                    var p = 0f;
                    _probability!(ref p);
                    probabilities[0] = 1 - (double)p;
                    probabilities[1] = p;
                }

                return label ? 1 : 0;
            }

            case TaskKind.Multiclass:
            {
                uint key = 0;
                _multiclassLabel!(ref key);
                if (probabilities is not null)
                {
                    _scores!(ref _scoreBuffer);
                    var i = 0;
                    foreach (var v in _scoreBuffer.DenseValues())
                        probabilities[i++] = v;
                }

                // Keys count from 1; 0 means missing.
                return (double)key - 1;
            }

            default:
            {
                var value = 0f;
                _value!(ref value);
                return value;
            }
        }
    }

    public void Dispose() => _output.Dispose();
}
