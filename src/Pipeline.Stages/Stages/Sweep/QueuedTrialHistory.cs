using System.Globalization;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Sweep.Sampling;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;
using SamplingState = Pipeline.Stages.Stages.Sweep.Sampling.TrialState;
using QueueState = Pipeline.Tracking.Sweeps.TrialState;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// The history a sampler sees in a shared sweep, built from the store rather than from memory: every trial of the
/// queue whose configuration is recorded, RUNNING ones included (TPE treats them as bad, Optuna's constant liar, so
/// workers claiming at once do not all sample the same point), and for ended ones their state and selection metric,
/// read once from the trial's run and kept (an ended trial never changes).
/// </summary>
internal sealed class QueuedTrialHistory(ITrialQueue queue, ITrackingStore store, string sweepId, string metric)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, TrialRecord> _ended = [];

    /// <summary>Every other trial of the sweep as a <see cref="TrialRecord"/>, in number order.</summary>
    public async Task<IReadOnlyList<TrialRecord>> SnapshotAsync(int except, CancellationToken ct)
    {
        var records = new List<TrialRecord>();
        foreach (var trial in await queue.ListAsync(sweepId, ct))
        {
            if (trial.Number == except || trial.Configuration is not { } text || Parse(trial.Number, text) is not { } configuration)
                continue;
            records.Add(trial.State switch
            {
                QueueState.Running => new TrialRecord(trial.Number, configuration, SamplingState.Running, null, []),
                QueueState.Queued => new TrialRecord(trial.Number, configuration, SamplingState.Running, null, []),
                _ => await EndedAsync(trial, configuration, ct),
            });
        }

        return records;
    }

    private async Task<TrialRecord> EndedAsync(QueuedTrial trial, TrialConfiguration configuration, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_ended.TryGetValue(trial.Number, out var known))
                return known;
        }

        var record = new TrialRecord(trial.Number, configuration, SamplingState.Failed, null, []);
        if (trial.State == QueueState.Complete && trial.RunId is { } runId)
        {
            // The queue's COMPLETE covers pruned trials too (ended for good, never retried); the run's tag tells them apart.
            var data = (await store.GetRunAsync(runId, ct)).Data;
            record = data.Tag(TrialStateTag.Key) == TrialStateTag.Pruned
                ? record with { State = SamplingState.Pruned }
                : record with { State = SamplingState.Complete, Value = data.Metric(metric) };
        }

        lock (_lock) _ended[trial.Number] = record;
        return record;
    }

    /// <summary>
    /// Reads back <see cref="TrialConfiguration.ToString"/> (<c>trainer(a=1, b=x)</c>): numbers as numbers, true/false as
    /// booleans, anything else as text, which is how the samplers compare values. Null when it is not in that form.
    /// </summary>
    internal static TrialConfiguration? Parse(int number, string text)
    {
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')'))
            return null;
        var inner = text[(open + 1)..^1];
        var parameters = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var part in inner.Length == 0 ? [] : inner.Split(", "))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                return null;
            parameters.Add(KeyValuePair.Create(part[..equals], ValueOf(part[(equals + 1)..])));
        }

        return new TrialConfiguration(number, text[..open], parameters);
    }

    private static ParameterValue ValueOf(string text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer) ? ParameterValue.FromInteger(integer)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? ParameterValue.FromNumber(number, text)
        : text is "true" or "false" ? ParameterValue.FromBoolean(text == "true")
        : ParameterValue.FromString(text);
}
