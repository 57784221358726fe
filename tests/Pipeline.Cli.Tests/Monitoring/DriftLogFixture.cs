using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Ml.Data;
using Pipeline.Ml.Packaging;
using Pipeline.Ml.Profiling;
using Pipeline.Ml.Training;

namespace Pipeline.Cli.Tests.Monitoring;

/// <summary>
/// TEST HELPER: a breast-cancer model packaged with its training profile, and two prediction logs written by the real
/// scoring server (<c>pipeline serve DIR --log-predictions FOLDER</c>, a process): the test split as it is, and the test
/// split with <see cref="ShiftedFeature"/> moved up by three training standard deviations.
/// </summary>
public sealed class DriftLogFixture : IAsyncLifetime
{
    public const string ShiftedFeature = "mean_area";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"pipeline-drift-{Guid.NewGuid():N}");

    public string ModelDirectory => Path.Combine(Root, "model");

    public string PlainLog => Path.Combine(Root, "log-plain");

    public string ShiftedLog => Path.Combine(Root, "log-shifted");

    public int Rows { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliProcess.DllPath)!, "..", "..", "..", "..", ".."));
        var table = new CsvDataLoader(new CsvLoadOptions { LabelColumn = "target", Task = TaskKind.Binary }).Load(Path.Combine(repository, "data", "breast_cancer.csv"));
        var split = DataSplitter.TrainTestSplit(table, 0.2, seed: 42);
        var model = new ModelTrainer().Fit(split.Train, TrainerCatalog.Default.Resolve(TaskKind.Binary, "lbfgs_logistic_regression"));
        new ModelPackager().Package(model, split.Train.Schema, split.Test, ModelDirectory, new ModelPackageOptions { Training = split.Train });
        var profile = TrainingProfile.Read(ModelDirectory);
        var shift = 3 * profile.Features.Single(f => f.Name == ShiftedFeature).Std;
        var shifted = split.Test.FeatureNames.ToList().IndexOf(ShiftedFeature);
        Rows = split.Test.RowCount;
        // Both servers at once: each pays its start-up while the other does.
        await Task.WhenAll(
            ServeAndLogAsync(split.Test, PlainLog, (_, v) => v),
            ServeAndLogAsync(split.Test, ShiftedLog, (c, v) => c == shifted ? v + shift : v));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task ServeAndLogAsync(DataTable test, string log, Func<int, double, double> transform)
    {
        var port = FreeTcpPort.Next();
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Root };
        foreach (var argument in new[] { CliProcess.DllPath, "serve", ModelDirectory, "--port", port.ToString(CultureInfo.InvariantCulture), "--log-predictions", log, "--log-format", "plain" })
            info.ArgumentList.Add(argument);
        using var serve = Process.Start(info)!;
        var error = serve.StandardError.ReadToEndAsync();
        _ = serve.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(http, serve, error);
            // One request per ten rows, as callers would send small batches.
            for (var start = 0; start < test.RowCount; start += 10)
            {
                var rows = Enumerable.Range(start, Math.Min(10, test.RowCount - start))
                    .Select(r => test.Row(r).Select((v, c) => transform(c, v)).ToArray()).ToArray();
                var body = JsonSerializer.Serialize(new { dataframe_split = new { columns = test.FeatureNames, data = rows } });
                using var response = await http.PostAsync("/invocations", new StringContent(body, Encoding.UTF8, "application/json"));
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            }

            // SIGTERM writes out what is still queued, as a production shutdown does.
            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!serve.HasExited)
                serve.Kill(entireProcessTree: true);
        }
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Process serve, Task<string> error)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (serve.HasExited)
                Assert.Fail($"pipeline serve exited with {serve.ExitCode}: {await error}");
            try
            {
                using var ping = await http.GetAsync("/ping");
                if (ping.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("pipeline serve did not answer /ping within 90 s");
    }
}
