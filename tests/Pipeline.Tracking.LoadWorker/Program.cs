// Usage:
//   migrate <storeUri> <artifactRoot> <startAtUnixMs>
//   metrics <storeUri> <artifactRoot> <startAtUnixMs> <runId> <workerIndex> <count>
// Waits until startAt so that every worker hits the database at the same moment. "metrics" logs <count> metrics,
// one transaction each, with steps workerIndex*count .. workerIndex*count+count-1. Exit code 0 on success.
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Stores.Sql;

if (args.Length < 4 || args[0] is not ("migrate" or "metrics") || (args[0] == "metrics" && args.Length < 7))
{
    Console.Error.WriteLine("usage: migrate <storeUri> <artifactRoot> <startAtUnixMs> | metrics <storeUri> <artifactRoot> <startAtUnixMs> <runId> <workerIndex> <count>");
    return 2;
}

try
{
    var startAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(args[3]));
    await using var store = (SqlTrackingStore)Pipeline.Tracking.Composition.TrackingComposition.ForProcess().Open(args[1], args[2]).Store;
    if (args[0] == "migrate")
    {
        await WaitUntil(startAt);
        await store.InitializeAsync();
        Console.WriteLine($"schema {await store.GetSchemaVersionAsync()}");
        return 0;
    }

    await store.InitializeAsync();
    var runId = args[4];
    var worker = int.Parse(args[5]);
    var count = int.Parse(args[6]);
    await WaitUntil(startAt);
    for (var i = 0; i < count; i++)
    {
        await store.LogMetricAsync(runId, new Metric("load", i, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), (long)worker * count + i));
    }

    Console.WriteLine($"logged {count}");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e.ToString());
    return 1;
}

static async Task WaitUntil(DateTimeOffset when)
{
    var wait = when - DateTimeOffset.UtcNow;
    if (wait > TimeSpan.Zero)
    {
        await Task.Delay(wait);
    }
}
