using Pipeline.Serving.Batch;
using Pipeline.Serving.Schema;

namespace Pipeline.Serving.Model;

/// <summary>
/// A loaded model the scoring server calls for every <c>POST /invocations</c>. Implementations must be safe to
/// call from many requests at once: keep non-thread-safe engines (ML.NET's <c>PredictionEngine</c>) in a
/// <see cref="ScoringEnginePool{TEngine}"/>, never load anything per request. The host disposes the model
/// when it stops if it implements <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>.
/// </summary>
public interface IScoringModel
{
    /// <summary>The input signature requests are enforced against (MLmodel's <c>signature.inputs</c>).</summary>
    ScoringSchema InputSchema { get; }

    /// <summary>What <c>GET /version</c> answers, e.g. the registered model version or the model's package version.</summary>
    string Version { get; }

    /// <summary>
    /// True for classifiers that can answer <c>params: {"predict_proba": true}</c> with class probabilities;
    /// when false such a request is refused with 400 INVALID_PARAMETER_VALUE.
    /// </summary>
    bool SupportsProbabilities { get; }

    /// <summary>
    /// Scores every row of <paramref name="batch"/> and returns exactly <see cref="ScoringBatch.RowCount"/>
    /// predictions in row order. A prediction is written to JSON as it is: null, bool, string, a number
    /// (non-finite numbers as null), a list (any <see cref="System.Collections.IEnumerable"/>) or a
    /// <c>IReadOnlyDictionary&lt;string, object?&gt;</c> of those. With
    /// <see cref="ScoringParams.PredictProba"/> each prediction is the list of class probabilities in class
    /// order (scikit-learn's <c>predict_proba</c> shape; for a binary classifier <c>[p(false), p(true)]</c>).
    /// Throw <c>ScoringException</c> to refuse input with a 4xx; any other exception is answered with 500.
    /// </summary>
    IReadOnlyList<object?> Predict(ScoringBatch batch, ScoringParams parameters, CancellationToken cancellationToken);
}
