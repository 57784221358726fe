using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>Finds an experiment by name first, then by id, as <c>--experiment NAME_OR_ID</c> promises.</summary>
internal static class ExperimentResolver
{
    public static async Task<Experiment> ResolveAsync(ITrackingStore store, string nameOrId, string storeUri, CancellationToken ct)
    {
        if (await store.GetExperimentByNameAsync(nameOrId, ct) is { } byName)
        {
            return byName;
        }

        if (nameOrId.Length > 0 && nameOrId.All(char.IsAsciiDigit))
        {
            try
            {
                return await store.GetExperimentAsync(nameOrId, ct);
            }
            catch (TrackingException e) when (e.Code == ErrorCode.ResourceDoesNotExist)
            {
                // Fall through to the one message that covers both readings.
            }
        }

        throw new TrackingException(ErrorCode.ResourceDoesNotExist,
            $"no experiment named or with id '{nameOrId}' in tracking store {PostgresUri.Redact(storeUri)} (list them with 'pipeline experiments list').");
    }
}
