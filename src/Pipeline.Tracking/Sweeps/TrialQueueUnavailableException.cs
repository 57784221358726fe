namespace Pipeline.Tracking.Sweeps;

/// <summary>The tracking server holds no trial queues (an MLflow server answers 404 to our <c>/api/2.0/pipeline/</c> extension).</summary>
public sealed class TrialQueueUnavailableException(string message) : Exception(message);
