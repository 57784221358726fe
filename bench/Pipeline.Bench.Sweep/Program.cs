using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Sweeps;

// dotnet run -c Release --project bench/Pipeline.Bench.Sweep -- postgresql://user@host:port/postgres [trials]
// Coordinator: a fresh database; for 1, 2 and 4 workers, a 1,000-trial queue and that many worker processes (this program
// with "worker ..."), which claim, attach a run id and finish no-op trials until none is queued. Each worker prints
// "<trials> <claim ms total> <claim ms p95> <finish ms total>"; the coordinator prints trials/s and the claim overhead per trial.
var culture = CultureInfo.InvariantCulture;
if (args.Length >= 1 && args[0] == "worker")
    return await WorkerAsync(args[1], args[2], long.Parse(args[3], culture));
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Pipeline.Bench.Sweep POSTGRES_ADMIN_URI [TRIALS]");
    return 2;
}

var trials = args.Length > 1 ? int.Parse(args[1], culture) : 1000;
var admin = PostgresUri.ToConnectionString(args[0]);
var database = $"pipeline_bench_sweep_{Guid.NewGuid():N}";
await ExecuteAsync(admin, $"CREATE DATABASE \"{database}\"");
var uri = new UriBuilder(args[0]) { Path = "/" + database }.Uri.ToString();
try
{
    Console.WriteLine($"Pipeline.Bench.Sweep: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {trials} no-op trials per sweep, PostgreSQL");
    Console.WriteLine($"{"workers",7} {"wall s",8} {"trials/s",9} {"vs 1",6} {"claim ms mean",14} {"claim ms p95",13} {"finish ms mean",15}");
    double? baseline = null;
    foreach (var workers in new[] { 1, 2, 4 })
    {
        var sweepId = $"bench-{workers}-{Guid.NewGuid():N}";
        await using (var store = new PostgresTrackingStore(uri, Path.GetTempPath()))
            await store.TrialQueue.CreateOrJoinAsync(new SweepQueueRequest(sweepId, "0", Enumerable.Range(0, trials).Select(i => (string?)$"noop(i={i})").ToList()));
        // Workers start together at a common instant, after their process start-up and JIT.
        var startAt = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeMilliseconds();
        var processes = Enumerable.Range(0, workers).Select(_ => Spawn(uri, sweepId, startAt)).ToList();
        var lines = await Task.WhenAll(processes.Select(async p =>
        {
            var output = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return output.Trim();
        }));
        var wall = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - startAt) / 1000.0;
        var parts = lines.Select(l => l.Split(' ').Select(x => double.Parse(x, culture)).ToArray()).ToList();
        var done = parts.Sum(p => p[0]);
        var maxElapsed = parts.Max(p => p[4]) / 1000.0;
        var rate = done / maxElapsed;
        baseline ??= rate;
        Console.WriteLine(string.Create(culture,
            $"{workers,7} {maxElapsed,8:F2} {rate,9:F0} {rate / baseline.Value,5:F2}x {parts.Sum(p => p[1]) / done,14:F2} {parts.Max(p => p[2]),13:F2} {parts.Sum(p => p[3]) / done,15:F2}"));
        if ((int)done != trials)
            Console.WriteLine($"  ERROR: {done} trials claimed, {trials} queued (wall {wall:F1} s)");
    }

    return 0;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

static Process Spawn(string uri, string sweepId, long startAt)
{
    var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        info.ArgumentList.Add(typeof(SweepBenchMarker).Assembly.Location);
    foreach (var a in new[] { "worker", uri, sweepId, startAt.ToString(CultureInfo.InvariantCulture) })
        info.ArgumentList.Add(a);
    return Process.Start(info)!;
}

static async Task<int> WorkerAsync(string uri, string sweepId, long startAt)
{
    await using var store = new PostgresTrackingStore(uri, Path.GetTempPath());
    var queue = store.TrialQueue;
    var worker = $"{Environment.MachineName}/{Environment.ProcessId}/bench";
    await queue.CountAsync(sweepId); // connection pool and JIT warm before the start
    var wait = startAt - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (wait > 0)
        await Task.Delay(TimeSpan.FromMilliseconds(wait));
    var claims = new List<double>();
    double finishing = 0;
    var total = Stopwatch.StartNew();
    while (true)
    {
        var watch = Stopwatch.StartNew();
        var trial = await queue.ClaimAsync(sweepId, worker);
        if (trial is null)
            break;
        claims.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await queue.AttachAsync(sweepId, trial.Number, worker, Guid.NewGuid().ToString("N"), null);
        await queue.FinishAsync(sweepId, trial.Number, worker, TrialState.Complete, null);
        finishing += watch.Elapsed.TotalMilliseconds;
    }

    var elapsed = total.Elapsed.TotalMilliseconds;
    claims.Sort();
    var p95 = claims.Count == 0 ? 0 : claims[(int)(claims.Count * 0.95)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{claims.Count} {claims.Sum():F3} {p95:F3} {finishing:F3} {elapsed:F1}"));
    return 0;
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

/// <summary>Names this assembly for re-launching it as a worker.</summary>
internal sealed class SweepBenchMarker;
