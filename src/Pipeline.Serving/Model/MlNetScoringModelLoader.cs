using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Serving.Hosting;
using Pipeline.Tracking.Composition;

namespace Pipeline.Serving.Model;

/// <summary>
/// Loads a model written by the pipeline's packager (the <c>mlnet</c> flavor) for the scoring server: from a local
/// directory or a <c>models:/</c> / <c>runs:/</c> URI (through <see cref="ScoringServerOptions.TrackingUri"/>, then
/// <c>MLFLOW_TRACKING_URI</c>, then <c>sqlite:///mlruns.db</c>). The directory is verified against its manifest's
/// sha256 sums before anything loads, so a missing or altered file stops the server from starting. When the model
/// has an input example, the served scoring path is checked against offline scoring on it, which also warms it up.
/// </summary>
public sealed class MlNetScoringModelLoader : IScoringModelLoader
{
    private readonly TrackingComposition _composition;

    /// <summary>A loader that opens stores through the composition root over the process environment.</summary>
    public MlNetScoringModelLoader()
        : this(TrackingComposition.ForProcess())
    {
    }

    /// <summary>A loader that opens stores through <paramref name="composition"/>.</summary>
    public MlNetScoringModelLoader(TrackingComposition composition) =>
        _composition = composition ?? throw new ArgumentNullException(nameof(composition));

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No model named, or the served path disagrees with offline scoring.</exception>
    /// <exception cref="ModelVerificationException">A file is missing or does not match the manifest.</exception>
    public async Task<IScoringModel> LoadAsync(ScoringServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var uri = options.ModelUri ?? throw new InvalidOperationException(
            "no model given: pass --model <model directory or models:/name@alias> or set MODEL_PATH.");
        var location = await ModelUriDownloader.LocateAsync(uri, options.TrackingUri, _composition, cancellationToken).ConfigureAwait(false);
        try
        {
            var packaged = PackagedModel.Load(location.Directory);
            var version = options.ModelVersion ?? location.Version ?? packaged.MlModel.ModelUuid;
            var model = new MlNetScoringModel(packaged, version, options.EnginePoolSize);
            try
            {
                CheckAgainstOffline(model);
            }
            catch
            {
                model.Dispose();
                throw;
            }

            return model;
        }
        finally
        {
            // Everything the server needs is in memory now.
            if (location.TemporaryDirectory is { } temporary)
                Directory.Delete(temporary, recursive: true);
        }
    }

    private static void CheckAgainstOffline(MlNetScoringModel model)
    {
        var packaged = model.Packaged;
        if (packaged.ReadInputExample() is not { } example)
            return;
        var offline = packaged.Predict(example);
        var rows = Enumerable.Range(0, offline.Values.Count)
            .Select(r => (IReadOnlyList<double>)packaged.FeatureColumns.Select(f => ExampleValue(example, r, f)).ToArray()).ToArray();
        var served = model.Score(rows, probabilities: false);
        var servedProbabilities = packaged.Task == TaskKind.Regression ? null : model.Score(rows, probabilities: true);
        for (var r = 0; r < rows.Length; r++)
        {
            var expected = packaged.Task == TaskKind.Regression ? (object)offline.Values[r] : offline.Labels[r];
            var same = Equals(expected, served[r]) &&
                (servedProbabilities is null || ((double[])servedProbabilities[r]!).SequenceEqual(offline.Probabilities![r]));
            if (!same)
                throw new InvalidOperationException(
                    $"the served scoring path predicts {served[r]} for input example row {r}, offline scoring {expected}; refusing to serve a model that would answer differently.");
        }
    }

    private static double ExampleValue(Ml.Models.InputExample example, int row, string feature)
    {
        var column = example.Columns.ToList().IndexOf(feature);
        return Number(example.Rows[row][column]);

        static double Number(object? cell) => cell switch
        {
            null => double.NaN,
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } e => e.GetDouble(),
            System.Text.Json.JsonElement => double.NaN,
            _ => Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
