using System.Globalization;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Runs.Liveness;

/// <summary>How often an owner renews its runs' heartbeat, and how old a heartbeat may get before its run counts as dead.</summary>
public sealed record LivenessOptions
{
    /// <summary>Environment variable overriding <see cref="Interval"/>, in seconds.</summary>
    public const string IntervalVariable = "PIPELINE_HEARTBEAT_INTERVAL";

    /// <summary>Environment variable overriding <see cref="Timeout"/>, in seconds.</summary>
    public const string TimeoutVariable = "PIPELINE_HEARTBEAT_TIMEOUT";

    /// <summary>How often the heartbeat is renewed; default 30 seconds.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A RUNNING run whose heartbeat is older than this is dead, on any host; default 5 minutes (ten missed beats).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The defaults, overridden by <see cref="IntervalVariable"/> and <see cref="TimeoutVariable"/> when set.</summary>
    /// <exception cref="ArgumentException">A variable is not a positive number of seconds, or the timeout is not above the interval.</exception>
    public static LivenessOptions From(IEnvironmentVariables environment)
    {
        var options = new LivenessOptions();
        options = options with
        {
            Interval = Seconds(environment, IntervalVariable) ?? options.Interval,
            Timeout = Seconds(environment, TimeoutVariable) ?? options.Timeout,
        };
        if (options.Timeout <= options.Interval)
            throw new ArgumentException($"{TimeoutVariable} ({options.Timeout.TotalSeconds} s) must be longer than {IntervalVariable} ({options.Interval.TotalSeconds} s).");
        return options;
    }

    private static TimeSpan? Seconds(IEnvironmentVariables environment, string name)
    {
        var text = environment.Get(name);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && double.IsFinite(seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"{name} must be a positive number of seconds, not '{text}'.");
    }
}
