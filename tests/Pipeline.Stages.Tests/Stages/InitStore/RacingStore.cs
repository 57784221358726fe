using System.Reflection;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Tests.Stages.InitStore;

/// <summary>
/// A fake store over a real one that loses the create-if-missing race: its first name lookup answers "missing", and
/// creating the experiment finds that another run just created it (the real store creates it, then the fake reports the
/// unique violation as the store would).
/// </summary>
public class RacingStore : DispatchProxy
{
    private ITrackingStore _inner = null!;
    private bool _lookedUp;

    public static ITrackingStore Over(ITrackingStore inner)
    {
        var proxy = Create<ITrackingStore, RacingStore>();
        ((RacingStore)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        switch (method!.Name)
        {
            case nameof(ITrackingStore.GetExperimentByNameAsync) when !_lookedUp:
                _lookedUp = true;
                return Task.FromResult<Tracking.Entities.Experiment?>(null);
            case nameof(ITrackingStore.CreateExperimentAsync):
                return CreatedByAnotherAsync((string)args![0]!);
            default:
                return method.Invoke(_inner, args);
        }
    }

    private async Task<string> CreatedByAnotherAsync(string name)
    {
        await _inner.CreateExperimentAsync(name);
        throw new Tracking.TrackingException(Tracking.ErrorCode.ResourceAlreadyExists, $"Experiment(name={name}) already exists.");
    }
}
