using Pipeline.Server.Hosting;

// Wiring only: options from the command line, then the host (which maps app.MapGroup("/api/2.0/mlflow").MapTracking()
// and the other groups in TrackingServerApp).
try
{
    var options = TrackingServerArguments.Parse(args, Environment.GetEnvironmentVariable);
    await using var host = await TrackingServerHost.StartAsync(options);
    Console.WriteLine($"Tracking server listening on {host.BaseUri}");
    await host.WaitForShutdownAsync();
    return 0;
}
catch (TrackingServerStartupException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
