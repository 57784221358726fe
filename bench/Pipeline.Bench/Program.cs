using Pipeline.Bench;
using Pipeline.Tracking.Stores;

// dotnet run -c Release --project bench/Pipeline.Bench [-- --postgres postgresql://user@host:port/db] [--scale 0.1] [--only abcd] [--keep]
var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: Pipeline.Bench [--postgres URI] [--scale FACTOR] [--only abcd] [--keep]");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("pipeline-bench-");
try
{
    var artifactRoot = new Uri(Path.Combine(folder.FullName, "mlartifacts")).AbsoluteUri;
    var stores = new List<(string Name, Func<ITrackingStore> Open)>
    {
        ("sqlite (temp file, WAL, synchronous=NORMAL)", () => new SqliteTrackingStore(Path.Combine(folder.FullName, "mlruns.db"), artifactRoot)),
    };
    if (options.PostgresUri is { } postgres)
    {
        // The targets are for the embedded SQLite store; PostgreSQL is measured against them for comparison.
        stores.Add(("postgresql (targets are the SQLite ones, for comparison)", () => new PostgresTrackingStore(postgres, artifactRoot)));
    }

    Console.WriteLine($"Pipeline.Bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, scale {options.Scale}");
    foreach (var (name, open) in stores)
    {
        Console.WriteLine();
        Console.WriteLine($"== {name}");
        await using var store = open();
        await new StoreBenchmarks(store, options.Scale, options.Only, Console.Out).RunAllAsync();
    }

    return 0;
}
finally
{
    if (options.Keep)
    {
        Console.WriteLine($"kept: {folder.FullName}");
    }
    else
    {
        folder.Delete(recursive: true);
    }
}
