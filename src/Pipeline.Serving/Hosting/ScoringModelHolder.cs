using Pipeline.Serving.Model;

namespace Pipeline.Serving.Hosting;

/// <summary>The loaded models, set once by <see cref="ModelLoadingService"/>; null until then.</summary>
internal sealed class ScoringModelHolder
{
    private volatile IScoringModel? _model;
    private volatile IScoringModel? _challenger;
    private readonly TaskCompletionSource _loadingEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The champion: the model <c>--model</c> names.</summary>
    public IScoringModel? Model => _model;

    /// <summary>The challenger (<c>--challenger</c>), if any.</summary>
    public IScoringModel? Challenger => _challenger;

    public void Set(IScoringModel model) => _model = model;

    public void SetChallenger(IScoringModel challenger) => _challenger = challenger;

    /// <summary>Completes when loading has ended, with the models in or failed; a holder nobody loads into never completes it.</summary>
    public Task Loaded => _loadingEnded.Task;

    public void LoadingEnded() => _loadingEnded.TrySetResult();
}
