namespace Pipeline.Tracking.Tests.Fakes;

/// <summary>TEST FAKE: a clock that only moves when told (or, with <see cref="AdvanceOnRead"/>, by that much after every read), in UTC.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Moves the clock on after each read, so the times of successive writes show their order. Zero by default.</summary>
    public TimeSpan AdvanceOnRead { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        var now = _now;
        _now += AdvanceOnRead;
        return now;
    }

    public void Advance(TimeSpan by) => _now += by;
}
