using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Pipeline.Server.Hosting;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;

// dotnet run -c Release --project bench/Pipeline.Bench.ObjectStores [-- SIZE_MB [REPEATS]]
// Reads the emulators from PIPELINE_TEST_S3_ENDPOINT / PIPELINE_TEST_AZURE_CONNECTION_STRING (bench/objectstores.sh sets
// them); a store whose variable is missing is left out of the table, said so.
var sizeMb = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var work = Directory.CreateTempSubdirectory("pipeline-bench-objectstores-");
try
{
    var source = Path.Combine(work.FullName, "artifact.bin");
    await WriteRandomAsync(source, sizeMb);
    var environment = new ProcessEnvironmentVariables();
    var variables = new Dictionary<string, string>();
    if (Env("PIPELINE_TEST_S3_ENDPOINT") is { } s3)
    {
        variables["MLFLOW_S3_ENDPOINT_URL"] = s3;
        variables["AWS_ACCESS_KEY_ID"] = Env("PIPELINE_TEST_S3_ACCESS_KEY_ID") ?? "S3RVER";
        variables["AWS_SECRET_ACCESS_KEY"] = Env("PIPELINE_TEST_S3_SECRET_ACCESS_KEY") ?? "S3RVER";
    }
    if (Env("PIPELINE_TEST_AZURE_CONNECTION_STRING") is { } azure)
    {
        variables["AZURE_STORAGE_CONNECTION_STRING"] = azure;
        await new BlobServiceClient(azure).GetBlobContainerClient("pipeline-test").CreateIfNotExistsAsync();
    }

    var composition = TrackingComposition.CreateDefault(new DictionaryEnvironmentVariables(variables));
    using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
    var registry = composition.CreateArtifactRegistry(new BackendContext(composition.Environment, composition.Time, http, null));
    await using var server = await TrackingServerHost.StartAsync(new TrackingServerOptions
    {
        BackendStoreUri = $"sqlite:///{Path.Combine(work.FullName, "server.db")}",
        ArtifactsDestination = Path.Combine(work.FullName, "proxy-destination"),
        Port = 0,
        LogRequests = false,
    }, composition);

    var stores = new List<(string Name, IArtifactRepository Repository)>
    {
        ("local disk", registry.Open(Path.Combine(work.FullName, "local"))),
        ("tracking-server proxy (local destination)", new HttpArtifactRepository("mlflow-artifacts:/bench", server.BaseUri, http)),
    };
    var bucket = Env("PIPELINE_TEST_S3_BUCKET") ?? "pipeline-test";
    if (variables.ContainsKey("MLFLOW_S3_ENDPOINT_URL"))
        stores.Add(("S3 (s3rver)", registry.Open($"s3://{bucket}/bench-{Guid.NewGuid():N}")));
    else
        Console.WriteLine("S3 left out: PIPELINE_TEST_S3_ENDPOINT is not set (eval \"$(bash .ci/objectstores.sh start)\")");
    if (variables.ContainsKey("AZURE_STORAGE_CONNECTION_STRING"))
        stores.Add(("Azure Blob (azurite)", registry.Open($"wasbs://pipeline-test@devstoreaccount1.blob.core.windows.net/bench-{Guid.NewGuid():N}")));
    else
        Console.WriteLine("Azure left out: PIPELINE_TEST_AZURE_CONNECTION_STRING is not set");

    Console.WriteLine($"Pipeline.Bench.ObjectStores: {sizeMb} MB artifact, best of {repeats}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    var rows = new List<(string Name, double Up, double Down)>();
    foreach (var (name, repository) in stores)
    {
        double up = 0, down = 0;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await repository.LogFileAsync(source, "model");
            up = Math.Max(up, sizeMb / watch.Elapsed.TotalSeconds);
            var destination = Path.Combine(work.FullName, "download-" + Guid.NewGuid().ToString("N"));
            watch.Restart();
            var local = await repository.DownloadAsync("model/artifact.bin", destination);
            down = Math.Max(down, sizeMb / watch.Elapsed.TotalSeconds);
            if (new FileInfo(local).Length != new FileInfo(source).Length)
                throw new InvalidOperationException($"{name}: the download is {new FileInfo(local).Length} bytes");
            Directory.Delete(destination, recursive: true);
        }
        await repository.DeleteAsync();
        rows.Add((name, up, down));
        Console.WriteLine($"  measured {name}");
    }

    var (_, localUp, localDown) = rows[0];
    Console.WriteLine();
    Console.WriteLine("| store | upload MB/s | vs local | download MB/s | vs local |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
    foreach (var (name, up, down) in rows)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {up:F0} | {up / localUp:F2}x | {down:F0} | {down / localDown:F2}x |"));
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

static async Task WriteRandomAsync(string path, int sizeMb)
{
    var block = new byte[1024 * 1024];
    var random = new Random(42);
    await using var output = File.Create(path);
    for (var i = 0; i < sizeMb; i++)
    {
        random.NextBytes(block);
        await output.WriteAsync(block);
    }
}
