using Pipeline.Serving.Hosting;

namespace Pipeline.Serving.Model;

/// <summary>
/// Loads the served model once, at start-up, before the server listens. Register one in DI
/// (<c>services.AddSingleton&lt;IScoringModelLoader, MyLoader&gt;()</c>); if it throws, the server refuses to
/// start and reports the loader's message with the model URI.
/// </summary>
public interface IScoringModelLoader
{
    /// <summary>
    /// Loads the model at <see cref="ScoringServerOptions.ModelUri"/>; engines that are not thread-safe go into a
    /// <see cref="ScoringEnginePool{TEngine}"/> sized by <see cref="ScoringServerOptions.EnginePoolSize"/>.
    /// </summary>
    Task<IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken);
}
