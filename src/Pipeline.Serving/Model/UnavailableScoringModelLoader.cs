using Pipeline.Serving.Hosting;

namespace Pipeline.Serving.Model;

/// <summary>
/// The loader used when none is registered: it always fails, so a server without a model flavor refuses to
/// start with a message saying so instead of answering requests it cannot score.
/// </summary>
public sealed class UnavailableScoringModelLoader : IScoringModelLoader
{
    /// <inheritdoc />
    public Task<IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException(
            "No model loader is registered in this server: register an IScoringModelLoader for the model's flavor (e.g. mlnet).");
}
