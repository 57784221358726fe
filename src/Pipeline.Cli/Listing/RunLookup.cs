using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;

namespace Pipeline.Cli.Listing;

/// <summary>Reads a run by id; an unknown id is an error naming it, with a hint when it is not a full 32-character id.</summary>
internal static class RunLookup
{
    private const int RunIdLength = 32;

    public static async Task<Run> GetAsync(StoreSession session, string runId, CancellationToken ct)
    {
        try
        {
            return await session.Tracking.GetRunAsync(runId, ct);
        }
        catch (TrackingException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            var hint = runId.Length == RunIdLength ? "" : $" (a run id has {RunIdLength} hex characters; 'pipeline runs list --output csv' prints them whole)";
            throw new TrackingException(ErrorCode.ResourceDoesNotExist,
                $"no run with id '{runId}' in tracking store {PostgresUri.Redact(session.Uri)}{hint}.", e);
        }
    }
}
