using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores.Rest;

public sealed partial class RestTrackingStore
{
    /// <inheritdoc />
    public async Task<Run> CreateRunAsync(string experimentId, string userId, long startTime, IReadOnlyList<RunTag> tags, string? runName, CancellationToken ct = default)
    {
        using var doc = await PostAsync("runs/create", w =>
        {
            w.WriteString("experiment_id", experimentId);
            w.WriteString("user_id", userId);
            w.WriteNumber("start_time", startTime);
            MlflowJsonWriter.WriteTags(w, "tags", tags);
            WriteIfNotNull(w, "run_name", runName);
        }, ct).ConfigureAwait(false);
        return MlflowJsonReader.ReadRun(doc.RootElement.GetProperty("run"));
    }

    /// <inheritdoc />
    public async Task<Run> GetRunAsync(string runId, CancellationToken ct = default)
    {
        using var doc = await GetAsync("runs/get", Query.Of(("run_id", runId)), ct).ConfigureAwait(false);
        return MlflowJsonReader.ReadRun(doc.RootElement.GetProperty("run"));
    }

    /// <inheritdoc />
    public async Task<RunInfo> UpdateRunInfoAsync(string runId, RunStatus? status, long? endTime, string? runName, CancellationToken ct = default)
    {
        using var doc = await PostAsync("runs/update", w =>
        {
            w.WriteString("run_id", runId);
            w.WriteString("run_uuid", runId);
            if (status is { } s)
                w.WriteString("status", s.ToMlflowName());
            if (endTime is { } end)
                w.WriteNumber("end_time", end);
            WriteIfNotNull(w, "run_name", runName);
        }, ct).ConfigureAwait(false);
        return MlflowJsonReader.ReadRunInfo(doc.RootElement.GetProperty("run_info"));
    }

    /// <inheritdoc />
    public Task DeleteRunAsync(string runId, CancellationToken ct = default) =>
        PostVoidAsync("runs/delete", w => w.WriteString("run_id", runId), ct);

    /// <inheritdoc />
    public Task RestoreRunAsync(string runId, CancellationToken ct = default) =>
        PostVoidAsync("runs/restore", w => w.WriteString("run_id", runId), ct);

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken ct = default) =>
        PostVoidAsync("runs/log-batch", w =>
        {
            w.WriteString("run_id", runId);
            MlflowJsonWriter.WriteMetrics(w, "metrics", metrics);
            if (parameters.Count > 0)
            {
                w.WriteStartArray("params");
                foreach (var p in parameters)
                {
                    w.WriteStartObject();
                    w.WriteString("key", p.Key);
                    w.WriteString("value", p.Value);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            MlflowJsonWriter.WriteTags(w, "tags", tags);
        }, ct);

    /// <inheritdoc />
    public Task DeleteTagAsync(string runId, string key, CancellationToken ct = default) =>
        PostVoidAsync("runs/delete-tag", w =>
        {
            w.WriteString("run_id", runId);
            w.WriteString("key", key);
        }, ct);

    /// <inheritdoc />
    public Task LogInputsAsync(string runId, IReadOnlyList<DatasetInput> inputs, CancellationToken ct = default) =>
        PostVoidAsync("runs/log-inputs", w =>
        {
            w.WriteString("run_id", runId);
            MlflowJsonWriter.WriteDatasetInputs(w, "datasets", inputs);
        }, ct);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string metricKey, CancellationToken ct = default)
    {
        var all = new List<Metric>();
        string? token = null;
        do
        {
            var page = await GetMetricHistoryPageAsync(runId, metricKey, null, token, ct).ConfigureAwait(false);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }

    /// <inheritdoc />
    public async Task<PagedList<Metric>> GetMetricHistoryPageAsync(string runId, string metricKey, int? maxResults, string? pageToken,
        CancellationToken ct = default)
    {
        using var doc = await GetAsync("metrics/get-history", Query.Of(("run_id", runId), ("metric_key", metricKey),
            ("max_results", maxResults?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("page_token", pageToken)), ct).ConfigureAwait(false);
        return new PagedList<Metric>(MlflowJsonReader.Array(doc.RootElement, "metrics").Select(MlflowJsonReader.ReadMetric).ToList(), NextPageToken(doc));
    }

    /// <inheritdoc />
    public async Task<PagedList<Run>> SearchRunsAsync(RunQuery query, CancellationToken ct = default)
    {
        using var doc = await PostAsync("runs/search", w =>
        {
            WriteStrings(w, "experiment_ids", query.ExperimentIds);
            WriteIfNotNull(w, "filter", query.Filter);
            w.WriteString("run_view_type", ViewTypeName(query.ViewType));
            w.WriteNumber("max_results", query.MaxResults);
            WriteStrings(w, "order_by", query.OrderBy);
            WriteIfNotNull(w, "page_token", query.PageToken);
        }, ct).ConfigureAwait(false);
        var runs = MlflowJsonReader.Array(doc.RootElement, "runs").Select(MlflowJsonReader.ReadRun).ToList();
        return new PagedList<Run>(runs, NextPageToken(doc));
    }
}
