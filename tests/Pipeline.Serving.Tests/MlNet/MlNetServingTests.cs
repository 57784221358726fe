using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.MlNet;

/// <summary>A real packaged breast-cancer model behind the real server: every format answers as offline scoring.</summary>
public sealed class MlNetServingTests(BreastCancerModelFixture model) : IClassFixture<BreastCancerModelFixture>
{
    private Task<ScoringTestServer> StartAsync(string? version = null) => ScoringTestServer.StartAsync(
        new MlNetScoringModelLoader(),
        new ScoringServerOptions { Port = 0, ModelUri = model.ModelDirectory, EnginePoolSize = 2, ModelVersion = version });

    [Theory]
    [InlineData("dataframe_split")]
    [InlineData("dataframe_records")]
    [InlineData("instances")]
    [InlineData("inputs")]
    [InlineData("csv")]
    public async Task Invocations_EveryTestRow_LabelsEqualOffline(string format)
    {
        await using var server = await StartAsync();
        var rows = Enumerable.Range(0, model.Test.RowCount).ToArray();
        var (body, contentType) = BreastCancerRequests.Build(model.Test, rows, format);

        var (status, answer) = await server.ScoreAsync(body, contentType);

        Assert.Equal(200, status);
        Assert.Equal(model.Offline.Labels, answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetInt64()));
    }

    [Theory]
    [InlineData("dataframe_split")]
    [InlineData("inputs")]
    public async Task Invocations_PredictProba_ProbabilitiesEqualOfflineExactly(string format)
    {
        await using var server = await StartAsync();
        var rows = Enumerable.Range(0, model.Test.RowCount).ToArray();
        var (body, contentType) = BreastCancerRequests.Build(model.Test, rows, format, proba: true);

        var (status, answer) = await server.ScoreAsync(body, contentType);

        Assert.Equal(200, status);
        var served = answer.GetProperty("predictions").EnumerateArray().Select(p => p.EnumerateArray().Select(v => v.GetDouble()).ToArray());
        Assert.Equal(model.Offline.Probabilities!.Select(p => p.ToArray()), served);
    }

    [Fact]
    public async Task Version_GivenOrUuid_AnswersIt()
    {
        await using (var named = await StartAsync("breast-cancer/7"))
            Assert.Equal("breast-cancer/7", await named.Client.GetStringAsync("/version"));
        await using var plain = await StartAsync();
        var uuid = Ml.Packaging.PackagedModel.Load(model.ModelDirectory).MlModel.ModelUuid;
        Assert.Equal(uuid, await plain.Client.GetStringAsync("/version"));
    }

    [Fact]
    public async Task Invocations_MissingColumn_Is400NamingIt()
    {
        await using var server = await StartAsync();
        var (status, answer) = await server.ScoreAsync("""{"dataframe_split": {"columns": ["x"], "data": [[1.0]]}}""");

        Assert.Equal(400, status);
        Assert.Contains(model.Test.FeatureNames[0], answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_16ClientsOneRowEach_EveryAnswerEqualsOffline()
    {
        await using var server = await StartAsync();
        var wrong = await Task.WhenAll(Enumerable.Range(0, 16).Select(client => Task.Run(async () =>
        {
            var failures = new List<string>();
            for (var i = 0; i < 25; i++)
            {
                var row = (client * 25 + i) % model.Test.RowCount;
                var (body, _) = BreastCancerRequests.Build(model.Test, [row], "dataframe_split", proba: true);
                var (status, answer) = await server.ScoreAsync(body);
                var served = status == 200 ? answer.GetProperty("predictions")[0].EnumerateArray().Select(v => v.GetDouble()).ToArray() : [];
                if (!served.SequenceEqual(model.Offline.Probabilities![row]))
                    failures.Add($"client {client} row {row}: {status} {answer}");
            }

            return failures;
        })));

        Assert.Empty(wrong.SelectMany(w => w));
    }

    [Fact]
    public async Task Load_CorruptModelFile_ServerRefusesToStartNamingTheFile()
    {
        var damaged = model.CopyModel();
        var zip = Path.Combine(damaged, "model.zip");
        var bytes = await File.ReadAllBytesAsync(zip);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(zip, bytes);

        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => ScoringTestServer.StartAsync(
            new MlNetScoringModelLoader(), new ScoringServerOptions { Port = 0, ModelUri = damaged }));

        Assert.Contains("does not match its manifest", error.Message, StringComparison.Ordinal);
        Assert.Contains("model.zip", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ManifestMissing_Refused()
    {
        var damaged = model.CopyModel();
        File.Delete(Path.Combine(damaged, "manifest.json"));

        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => ScoringTestServer.StartAsync(
            new MlNetScoringModelLoader(), new ScoringServerOptions { Port = 0, ModelUri = damaged }));

        Assert.Contains("manifest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_NoModelGiven_SaysHowToGiveOne()
    {
        var error = await Assert.ThrowsAsync<ScoringStartupException>(() => ScoringTestServer.StartAsync(
            new MlNetScoringModelLoader(), new ScoringServerOptions { Port = 0 }));

        Assert.Contains("MODEL_PATH", error.Message, StringComparison.Ordinal);
    }

}
