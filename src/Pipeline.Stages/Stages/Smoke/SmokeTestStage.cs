using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Stages.Running;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Smoke;

/// <summary>What SmokeTest needs: the pipeline run (with DockerServe's tags), the served model loaded offline, the test split.</summary>
public sealed record SmokeTestInput(Run PipelineRun, PackagedModel Model, DataTable Test, bool KeepServing, int SampleRows = 50, int LatencyRequests = 200);

/// <summary>The verdict's figures: rows compared, requests sent, one-row latency percentiles in milliseconds.</summary>
public sealed record SmokeTestOutput(int RowsChecked, int Requests, double P50Ms, double P99Ms, double MeanMs);

/// <summary>
/// Proves the endpoint answers as the model does offline: the input example and a sample of the test split in every
/// JSON format and as CSV (and class probabilities for classifiers) must equal <see cref="PackagedModel.Predict(DataTable)"/>;
/// a bad request must get a 4xx with a message. Measures one-row latency, logs the verdict and figures on the
/// pipeline run, fails with the first differing rows, and stops the endpoint unless asked to keep it.
/// </summary>
internal sealed class SmokeTestStage(ITrackingStore store, IStageReporter reporter, TimeProvider time)
{
    public async Task<SmokeTestOutput> RunAsync(SmokeTestInput input, CancellationToken ct)
    {
        var runId = input.PipelineRun.Info.RunId;
        var url = input.PipelineRun.Data.Tag(ServingTags.Url) is { } u && input.PipelineRun.Data.Tag(ServingTags.State) == "running"
            ? new Uri(u.TrimEnd('/') + "/")
            : throw new PipelineException($"No running endpoint is recorded on pipeline run {runId}: run the DockerServe stage first.");
        try
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
            await CheckServedVersionAsync(http, input.PipelineRun, url, ct);
            var problems = new List<string>();
            var requests = 0;
            var model = input.Model;
            var features = model.FeatureColumns;
            await ChampionPin.PinAsync(http, input.PipelineRun, SmokeRequests.Build(input.Test, features, [0], "dataframe_split").Body, reporter, ct);

            if (model.ReadInputExample() is { } example)
            {
                // The saved example file is MLflow's split orient: the body of a dataframe_split request.
                var saved = await File.ReadAllTextAsync(Path.Combine(model.Directory, model.MlModel.SavedInputExampleInfo!.ArtifactPath), ct);
                var (status, answer) = await PostAsync(http, $"{{\"dataframe_split\": {saved}}}", "application/json", ct);
                requests++;
                problems.AddRange(status == 200 ? SmokeCheck.Differences("input example", answer.GetProperty("predictions"), Expected(model.Predict(example)))
                    : [$"input example: HTTP {status} {answer}"]);
            }

            var rows = Enumerable.Range(0, Math.Min(input.SampleRows, input.Test.RowCount)).ToArray();
            var offline = model.Predict(input.Test.Subset(rows));
            foreach (var format in SmokeRequests.Formats)
            {
                var (body, contentType) = SmokeRequests.Build(input.Test, features, rows, format);
                var (status, answer) = await PostAsync(http, body, contentType, ct);
                requests++;
                problems.AddRange(status == 200 && answer.TryGetProperty("predictions", out var p)
                    ? SmokeCheck.Differences(format, p, Expected(offline))
                    : [$"{format}: HTTP {status} {answer}"]);
            }

            if (offline.Probabilities is { } probabilities)
            {
                var (body, contentType) = SmokeRequests.Build(input.Test, features, rows, "dataframe_split", proba: true);
                var (status, answer) = await PostAsync(http, body, contentType, ct);
                requests++;
                problems.AddRange(status == 200 && answer.TryGetProperty("predictions", out var p)
                    ? SmokeCheck.Differences("predict_proba", p, probabilities.Cast<object>().ToArray())
                    : [$"predict_proba: HTTP {status} {answer}"]);
            }

            problems.AddRange(await CheckBadRequestAsync(http, ct));
            requests++;
            var latencies = await MeasureAsync(http, input, features, ct);
            requests += latencies.Length;
            var output = new SmokeTestOutput(rows.Length, requests, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Average());
            await LogAsync(runId, output, problems.Count == 0, ct);
            reporter.Info($"Latency over {latencies.Length} one-row requests: p50 {output.P50Ms:F2} ms, p99 {output.P99Ms:F2} ms");
            if (problems.Count > 0)
                throw new PipelineException($"SmokeTest: the endpoint at {url} does not answer as the model does offline:\n  " + string.Join("\n  ", problems.Take(10)));
            return output;
        }
        finally
        {
            if (input.KeepServing)
                reporter.Info($"Leaving the endpoint at {url} running (--keep-serving).");
            else
                await EndpointStopper.StopRecordedAsync(store, runId, reporter, CancellationToken.None);
        }
    }

    /// <summary>
    /// The endpoint must serve the version DockerServe recorded (<c>models:/name/N</c>, answered by <c>/version</c> as
    /// <c>name/N</c>) before a single prediction is compared: another server on the same port could answer the same
    /// questions with another model and pass.
    /// </summary>
    private static async Task CheckServedVersionAsync(HttpClient http, Run pipelineRun, Uri url, CancellationToken ct)
    {
        const string prefix = "models:/";
        var recorded = pipelineRun.Data.Tag(ServingTags.ModelUri);
        if (recorded is null || !recorded.StartsWith(prefix, StringComparison.Ordinal))
            throw new PipelineException($"Pipeline run {pipelineRun.Info.RunId} records no served model version ({ServingTags.ModelUri}): run the DockerServe stage first.");
        var expected = recorded[prefix.Length..];
        string answered;
        try
        {
            using var response = await http.GetAsync("version", ct);
            answered = response.IsSuccessStatusCode ? (await response.Content.ReadAsStringAsync(ct)).Trim() : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException e)
        {
            throw new PipelineException($"SmokeTest: the endpoint at {url} does not answer ({e.Message}); DockerServe recorded {recorded} there.", e);
        }

        if (answered != expected)
            throw new PipelineException($"SmokeTest: the endpoint at {url} serves '{answered}', not {expected} that DockerServe started there: " +
                                        "another server is answering on that port. No prediction was compared.");
    }

    private static IReadOnlyList<object> Expected(ModelPredictions predictions) => predictions.Task == TaskKind.Regression
        ? predictions.Values.Cast<object>().ToArray()
        : predictions.Labels.Cast<object>().ToArray();

    private static async Task<IEnumerable<string>> CheckBadRequestAsync(HttpClient http, CancellationToken ct)
    {
        var (status, answer) = await PostAsync(http, """{"dataframe_split": {"columns": ["no_such_feature"], "data": [[1]]}}""", "application/json", ct);
        var message = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("message", out var m) ? m.GetString() : null;
        return status is >= 400 and < 500 && !string.IsNullOrWhiteSpace(message)
            ? []
            : [$"bad request: expected a 4xx with a message, got HTTP {status} {answer}"];
    }

    private async Task<double[]> MeasureAsync(HttpClient http, SmokeTestInput input, IReadOnlyList<string> features, CancellationToken ct)
    {
        var latencies = new double[input.LatencyRequests];
        for (var i = 0; i < latencies.Length; i++)
        {
            var (body, contentType) = SmokeRequests.Build(input.Test, features, [i % input.Test.RowCount], "dataframe_split");
            var started = time.GetTimestamp();
            using var response = await http.PostAsync("invocations", new StringContent(body, Encoding.UTF8, contentType), ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            latencies[i] = time.GetElapsedTime(started).TotalMilliseconds;
        }

        return latencies;
    }

    private async Task LogAsync(string runId, SmokeTestOutput output, bool passed, CancellationToken ct)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.LogBatchAsync(runId,
            [
                new Metric("smoke.p50_ms", output.P50Ms, now, 0),
                new Metric("smoke.p99_ms", output.P99Ms, now, 0),
                new Metric("smoke.mean_ms", output.MeanMs, now, 0),
                new Metric("smoke.rows_checked", output.RowsChecked, now, 0),
                new Metric("smoke.requests", output.Requests, now, 0),
            ],
            [], [new RunTag(ServingTags.SmokeVerdict, passed ? "passed" : "failed")], ct);
    }

    private static async Task<(int Status, JsonElement Body)> PostAsync(HttpClient http, string body, string contentType, CancellationToken ct)
    {
        using var response = await http.PostAsync("invocations", new StringContent(body, Encoding.UTF8, contentType), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var document = JsonDocument.Parse(text);
            return ((int)response.StatusCode, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            using var wrapped = JsonDocument.Parse(JsonSerializer.Serialize(new { raw = text.Length > 200 ? text[..200] : text }));
            return ((int)response.StatusCode, wrapped.RootElement.Clone());
        }
    }

    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
