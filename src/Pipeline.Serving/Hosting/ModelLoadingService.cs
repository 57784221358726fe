using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Serving.Model;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// Loads the model while the host starts, on a thread of its own while Kestrel starts beside it: the two overlap on two
/// cores instead of following one another (about 0.1 s of a 0.7 s start). A request that arrives meanwhile waits for the
/// load (<see cref="ScoringModelHolder.Loaded"/>, see <c>MapScoring</c>), so a server that answers is a server with a model.
/// The host's start ends once the model is in (<see cref="StartedAsync"/>); a failing loader fails it with a
/// <see cref="ScoringStartupException"/>, and what waited is answered as by a server without a model.
/// </summary>
internal sealed partial class ModelLoadingService(
    IScoringModelLoader loader,
    ScoringModelHolder holder,
    IOptions<ScoringServerOptions> options,
    ILogger<ModelLoadingService> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private Task _loading = Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Off the host's thread at once: the host starts its services one after another (Kestrel after this one), and loading
    // is all synchronous CPU work (reading, hashing, ML.NET, the offline check).
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loading = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                holder.LoadingEnded();
            }
        }, cancellationToken);
        return Task.CompletedTask;
    }

    // Runs once every service has started, Kestrel included: the start ends with the model in, or fails with its error.
    public Task StartedAsync(CancellationToken cancellationToken) => _loading;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LoadAsync(CancellationToken cancellationToken)
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
        // A start that failed elsewhere (Kestrel's port taken) may leave the load running: let it end before disposing.
        try
        {
            await _loading.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Reported by the start, if it got that far.
        }

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
