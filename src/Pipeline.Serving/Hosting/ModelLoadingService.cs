using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Model;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// Loads the model while the host starts, before Kestrel listens, so that a server that answers is a server
/// with a model; a failing loader stops the start with a <see cref="ScoringStartupException"/>.
/// </summary>
internal sealed partial class ModelLoadingService(
    IScoringModelLoader loader,
    ScoringModelHolder holder,
    IOptions<ScoringServerOptions> options,
    ILogger<ModelLoadingService> logger) : IHostedService, IAsyncDisposable
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        IScoringModel model;
        try
        {
            model = await loader.LoadAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ScoringStartupException(
                $"The scoring server cannot start: loading the model from '{settings.ModelUri ?? "(no Scoring:ModelUri given)"}' failed: {ex.Message}", ex);
        }

        holder.Set(model ?? throw new ScoringStartupException("The scoring server cannot start: the model loader returned no model."));
        LogLoaded(logger, settings.ModelUri, model.Version, model.InputSchema.Columns.Count);
        if (!string.IsNullOrWhiteSpace(settings.Challenger))
        {
            var challengerSettings = new ScoringServerOptions
            {
                ModelUri = settings.Challenger,
                ModelVersion = settings.ChallengerVersion,
                TrackingUri = settings.TrackingUri,
                EnginePoolSize = settings.EnginePoolSize,
            };
            IScoringModel? challenger;
            try
            {
                challenger = await loader.LoadAsync(challengerSettings, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ScoringStartupException(
                    $"The scoring server cannot start: loading the challenger from '{settings.Challenger}' failed: {ex.Message}", ex);
            }

            holder.SetChallenger(challenger ?? throw new ScoringStartupException("The scoring server cannot start: the model loader returned no challenger."));
            LogChallenger(logger, settings.Challenger, challenger.Version, settings.Shadow ? "shadow (scores every request, never answers)" : $"answers {settings.Split:P0} of requests");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await DisposeModelAsync(holder.Model).ConfigureAwait(false);
        await DisposeModelAsync(holder.Challenger).ConfigureAwait(false);
    }

    private static async ValueTask DisposeModelAsync(IScoringModel? model)
    {
        switch (model)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Challenger loaded from {ChallengerUri}: version {ModelVersion}, {Mode}")]
    private static partial void LogChallenger(ILogger logger, string challengerUri, string modelVersion, string mode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model loaded from {ModelUri}: version {ModelVersion}, {InputColumns} input columns")]
    private static partial void LogLoaded(ILogger logger, string? modelUri, string modelVersion, int inputColumns);
}
