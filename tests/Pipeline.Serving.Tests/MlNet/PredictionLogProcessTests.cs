using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Serving.Tests.PredictionLog;

namespace Pipeline.Serving.Tests.MlNet;

/// <summary>The server binary as a real process with the real breast-cancer model: SIGTERM writes out the queued log.</summary>
public sealed partial class PredictionLogProcessTests(BreastCancerModelFixture model) : IClassFixture<BreastCancerModelFixture>
{
    [Fact]
    public async Task Sigterm_AfterTraffic_EveryAnsweredRowIsInTheLogWithTheOfflinePrediction()
    {
        var folder = PredictionLogFiles.NewFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Pipeline.Serving.dll"), "--model", model.ModelDirectory, "--port", "0",
                "--log-predictions", folder, "--log-format", "plain",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        try
        {
            var address = await ListeningAddressAsync(process);
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            var (body, _) = BreastCancerRequests.Build(model.Test, [0, 1, 2, 3], "dataframe_split");
            for (var i = 0; i < 25; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Request-Id", $"p-{i}");
                using var response = await client.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            var lines = PredictionLogFiles.ReadAll(folder);
            Assert.Equal(25 * 4, lines.Count);
            foreach (var line in lines)
            {
                var row = line.GetProperty("row").GetInt32();
                Assert.Equal(model.Offline.Labels[row], line.GetProperty("prediction").GetInt64());
                Assert.Equal(model.Test.FeatureNames.Count, line.GetProperty("inputs").EnumerateObject().Count());
            }
        }
        finally
        {
            if (!process.HasExited)
                process.Kill();
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None); // keep the pipe drained
                return match.Value;
            }
        }

        throw new InvalidOperationException($"The server exited without listening: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
