using Pipeline.Stages.Spec;
using Pipeline.Tracking.Sweeps;

namespace Pipeline.Stages.Stages.Sweep;

/// <summary>
/// Where a claimed trial's configuration comes from: enumerated up front (grid and random: every worker expands the same
/// search space, and the queue holds each trial's configuration so a worker with another file is refused), or chosen by a
/// sampler when the trial is claimed (a sequential strategy such as TPE, conditioned on the trials so far).
/// </summary>
internal sealed class TrialSource
{
    private readonly IReadOnlyList<TrialConfiguration>? _enumerated;
    private readonly Func<int, CancellationToken, Task<TrialConfiguration>>? _sampler;

    private TrialSource(int count, IReadOnlyList<TrialConfiguration>? enumerated, Func<int, CancellationToken, Task<TrialConfiguration>>? sampler)
    {
        Count = count;
        _enumerated = enumerated;
        _sampler = sampler;
    }

    /// <summary>The number of trials the sweep declares.</summary>
    public int Count { get; }

    /// <summary>Trials enumerated up front, numbered by <see cref="TrialConfiguration.Index"/>.</summary>
    public static TrialSource Enumerated(IReadOnlyList<TrialConfiguration> trials) => new(trials.Count, trials, null);

    /// <summary><paramref name="count"/> trials whose configuration <paramref name="sampler"/> chooses when trial number n is claimed.</summary>
    public static TrialSource Sampled(int count, Func<int, CancellationToken, Task<TrialConfiguration>> sampler) => new(count, null, sampler);

    /// <summary>What the queue records for each trial when it is created: the configuration, or null for a sampled trial.</summary>
    public IReadOnlyList<string?> Declared() =>
        _enumerated?.Select(t => (string?)t.ToString()).ToList() ?? Enumerable.Repeat<string?>(null, Count).ToList();

    /// <summary>
    /// The configuration of a claimed trial: listed, or, for a sampled trial, the one its earlier attempt recorded (a
    /// retry runs what the dead worker ran), else the sampler's.
    /// </summary>
    public async Task<TrialConfiguration> ResolveAsync(ClaimedTrial claimed, CancellationToken ct) =>
        _enumerated is not null ? _enumerated[claimed.Number]
        : claimed.Configuration is { } recorded && QueuedTrialHistory.Parse(claimed.Number, recorded) is { } earlier ? earlier
        : await _sampler!(claimed.Number, ct);

    /// <summary>
    /// The first trial whose configuration in a joined queue differs from this worker's own: a worker reading another
    /// pipeline file (or other data) under the same sweep id must not add its trials to the sweep. Null when they agree.
    /// </summary>
    public string? FirstDifference(IReadOnlyList<QueuedTrial> queued)
    {
        if (_enumerated is null)
            return null;
        foreach (var trial in queued)
        {
            if (trial.Configuration is { } recorded && trial.Number < _enumerated.Count && recorded != _enumerated[trial.Number].ToString())
                return $"trial {trial.Number} is {recorded} in the sweep, {_enumerated[trial.Number]} here";
        }

        return null;
    }
}
