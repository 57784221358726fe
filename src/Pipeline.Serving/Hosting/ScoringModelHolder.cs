using Pipeline.Serving.Model;

namespace Pipeline.Serving.Hosting;

/// <summary>The loaded model, set once by <see cref="ModelLoadingService"/>; null until then.</summary>
internal sealed class ScoringModelHolder
{
    private volatile IScoringModel? _model;

    public IScoringModel? Model => _model;

    public void Set(IScoringModel model) => _model = model;
}
