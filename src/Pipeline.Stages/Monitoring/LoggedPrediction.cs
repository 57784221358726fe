namespace Pipeline.Stages.Monitoring;

/// <summary>
/// One answered row of the prediction log (see the README's "After release" section): which request and row, which model
/// version in which role, and what it predicted.
/// </summary>
/// <param name="RequestId">The request's <c>X-Request-Id</c>.</param>
/// <param name="Row">The row's index within its request, from 0.</param>
/// <param name="ModelVersion">The registry version number (or the model's own version when served from a directory).</param>
/// <param name="Role"><c>champion</c>, <c>challenger</c>, <c>shadow</c>, or null when the server had no challenger.</param>
/// <param name="Prediction">The predicted value as text (a class or a number); null when the line holds probabilities.</param>
/// <param name="Probabilities">Class probabilities in class order (a <c>predict_proba</c> request); null otherwise.</param>
public sealed record LoggedPrediction(
    string RequestId, int Row, string ModelVersion, string? Role, string? Prediction, IReadOnlyList<double>? Probabilities);
