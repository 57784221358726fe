using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Pipeline.Stages.Running;

namespace Pipeline.Cli.Tests.Monitoring;

/// <summary>
/// <c>pipeline monitor compare</c> end to end: two versions of a real breast-cancer model trained by the stages, served by
/// <c>pipeline serve</c> (a process) as champion and challenger with a 50% split and <c>--log-predictions DIR</c>, real
/// traffic with request ids, labels for those ids written later, and the command's JSON output checked.
/// </summary>
public sealed class MonitorCompareTests : IDisposable
{
    private const string ModelName = "monitored";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"pipeline-cli-monitor-{Guid.NewGuid():N}");

    public MonitorCompareTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Compare_SplitTrafficWithLaterLabels_ReportsBothVersionsWithEvaluateMetricsAndAllRowsCounted()
    {
        var trackingUri = "sqlite:///" + Path.Combine(_root, "mlruns.db");
        await TrainAsync("champion", 0.01, trackingUri);
        await TrainAsync("challenger", 3.0, trackingUri);
        var log = Path.Combine(_root, "prediction-log");
        var port = FreeTcpPort.Next();
        var (columns, rows) = ReadData();
        var labels = new StringBuilder("request_id,row,target\n");
        var sent = 0;
        var versions = new HashSet<string>();
        using (var serve = StartServe(trackingUri, port, log))
        {
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
                await WaitHealthyAsync(http, serve);
                for (var i = 0; i < 120; i++)
                {
                    // Every third request carries two rows, so the join must go by request id and row.
                    var count = i % 3 == 0 ? 2 : 1;
                    var batch = Enumerable.Range(sent, count).Select(r => rows[r % rows.Count]).ToList();
                    var body = JsonSerializer.Serialize(new
                    {
                        dataframe_split = new { columns, data = batch.Select(r => r.Features) },
                        @params = new { predict_proba = true },
                    });
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("X-Request-Id", $"req-{i}");
                    using var response = await http.SendAsync(request);
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    versions.Add(response.Headers.GetValues("X-Model-Version").Single());
                    // The labels arrive later, and not for every request: the last ten never get one.
                    if (i < 110)
                    {
                        for (var r = 0; r < count; r++)
                            labels.Append(CultureInfo.InvariantCulture, $"req-{i},{r},{batch[r].Label}\n");
                    }

                    sent += count;
                }
            }
            finally
            {
                // SIGTERM: the server writes out its queued log lines before it exits.
                using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(CultureInfo.InvariantCulture)]))
                    await kill.WaitForExitAsync();
                if (!serve.WaitForExit(30_000))
                    serve.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(["1", "2"], versions.Order());
        labels.Append("req-unknown,0,1\n");
        var labelsFile = Path.Combine(_root, "labels.csv");
        await File.WriteAllTextAsync(labelsFile, labels.ToString());

        var result = await CliProcess.RunAsync(_root, null, "monitor", "compare", "--log", log, "--labels", labelsFile, "--output", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("binary_classification", root.GetProperty("task").GetString());
        var reported = root.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], reported.Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(["champion", "challenger"], reported.Select(v => v.GetProperty("role").GetString()));
        var labelled = labels.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
        Assert.Equal(sent, reported.Sum(v => v.GetProperty("logged_rows").GetInt32()));
        Assert.Equal(labelled, reported.Sum(v => v.GetProperty("joined_rows").GetInt32()));
        Assert.Equal(sent - labelled, reported.Sum(v => v.GetProperty("unlabelled_rows").GetInt32()));
        Assert.Equal(1, root.GetProperty("labels").GetProperty("unmatched").GetInt32());
        foreach (var version in reported)
        {
            var metrics = version.GetProperty("metrics");
            Assert.Equal(version.GetProperty("joined_rows").GetInt32(), metrics.GetProperty("example_count").GetInt32());
            foreach (var name in new[] { "accuracy_score", "f1_score", "precision_score", "recall_score", "roc_auc", "log_loss", "precision_recall_auc" })
                Assert.InRange(metrics.GetProperty(name).GetDouble(), 0, 1.5);
        }

        var comparison = Assert.Single(root.GetProperty("comparisons").EnumerateArray().ToList());
        Assert.Equal("accuracy_score", comparison.GetProperty("metric").GetString());
        Assert.Equal("1", comparison.GetProperty("baseline").GetString());
        Assert.Equal(1000, comparison.GetProperty("resamples").GetInt32());
        Assert.True(comparison.GetProperty("lower").GetDouble() <= comparison.GetProperty("upper").GetDouble());
        Assert.Equal(comparison.GetProperty("lower").GetDouble() > 0 || comparison.GetProperty("upper").GetDouble() < 0,
            comparison.GetProperty("excludes_zero").GetBoolean());
    }

    /// <summary>One packaged version per call: a logistic regression with the given C, registered under <paramref name="alias"/>.</summary>
    private async Task TrainAsync(string alias, double c, string trackingUri)
    {
        var data = Path.Combine(_root, "breast_cancer.csv");
        if (!File.Exists(data))
            File.Copy(Path.Combine(Repository(), "data", "breast_cancer.csv"), data);
        var pipeline = Path.Combine(_root, $"{alias}.yaml");
        await File.WriteAllTextAsync(pipeline, $$"""
            experiment: monitored
            data: { path: breast_cancer.csv, label: target, task: binary_classification, test_fraction: 0.2, seed: 42 }
            sweep:
              strategy: grid
              cv_folds: 2
              search_space:
                - trainer: lbfgs_logistic_regression
                  params: { C: [{{c.ToString(CultureInfo.InvariantCulture)}}] }
            select: { metric: roc_auc, direction: maximize }
            model: { name: {{ModelName}}, alias: {{alias}} }
            """);
        var runner = new PipelineRunner(new SilentStageReporter(), TimeProvider.System);
        foreach (var stage in new[] { StageName.InitStore, StageName.PrepareData, StageName.Sweep, StageName.Select, StageName.Evaluate, StageName.Package })
        {
            var result = await runner.RunAsync(stage, new StageOptions(pipeline, TrackingUri: trackingUri, OutputDirectory: Path.Combine(_root, "out", alias)));
            Assert.True(result.Outcome is StageOutcome.Succeeded or StageOutcome.Skipped, $"{stage}: {result.Summary}");
        }
    }

    private Process StartServe(string trackingUri, int port, string log)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        foreach (var argument in new[]
                 {
                     CliProcess.DllPath, "serve", $"models:/{ModelName}@champion", "--challenger", $"models:/{ModelName}@challenger", "--split", "0.5",
                     "--log-predictions", log, "--tracking-uri", trackingUri, "--port", port.ToString(CultureInfo.InvariantCulture), "--log-format", "json",
                 })
            info.ArgumentList.Add(argument);
        info.Environment.Remove("MLFLOW_TRACKING_URI");
        var process = Process.Start(info)!;
        // Drained, so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process serve)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (serve.HasExited)
                Assert.Fail($"pipeline serve exited with {serve.ExitCode}: {await serve.StandardError.ReadToEndAsync()}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("pipeline serve was not healthy within 90 s");
    }

    private (string[] Columns, List<(double[] Features, string Label)> Rows) ReadData()
    {
        var lines = File.ReadAllLines(Path.Combine(_root, "breast_cancer.csv"));
        var header = lines[0].Split(',');
        var label = Array.IndexOf(header, "target");
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f =>
            (f.Where((_, i) => i != label).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), f[label])).ToList();
        return (header.Where((_, i) => i != label).ToArray(), rows);
    }

    private static string Repository() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(CliProcess.DllPath)!, "..", "..", "..", "..", ".."));
}
