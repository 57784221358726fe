// Test stand-in for a serving app: the contract the Docker stage relies on.
//   HealthApp --healthcheck   GET http://127.0.0.1:$PORT/health, exit 0 when it answers 2xx, else 1
//   HealthApp --fail-start    write "boom" to stderr and exit 3 (a server that cannot start)
//   HealthApp --never-healthy serve, but /health answers 503
var port = Environment.GetEnvironmentVariable("PORT") ?? "8080";
if (args.Contains("--healthcheck"))
{
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
    try
    {
        using var response = await http.GetAsync($"http://127.0.0.1:{port}/health");
        return response.IsSuccessStatusCode ? 0 : 1;
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"healthcheck: {e.Message}");
        return 1;
    }
}
if (args.Contains("--fail-start"))
{
    Console.Error.WriteLine("boom: the model could not be loaded");
    return 3;
}

var healthy = !args.Contains("--never-healthy");
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/health", () => healthy ? Results.Text("ok") : Results.StatusCode(503));
app.MapGet("/ping", () => Results.Text("pong"));
app.MapGet("/whoami", () =>
{
    var tmp = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}");
    File.WriteAllText(tmp, "x");
    var home = Environment.GetEnvironmentVariable("HOME") ?? "";
    var homeProbe = Path.Combine(home, "probe");
    File.WriteAllText(homeProbe, "x");
    return Results.Text($"{Environment.UserName} {home}");
});
app.MapGet("/model", () =>
    Results.Text(File.ReadAllText(Path.Combine(Environment.GetEnvironmentVariable("MODEL_PATH") ?? "/", "MLmodel"))));
await app.RunAsync();
return 0;
