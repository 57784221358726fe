using System.Text;
using Pipeline.Stages.Monitoring;
using Pipeline.Tracking;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class LoggedPredictionReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("log-reader-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string Line = """{"request_id":"a","row":0,"model_version":"1","role":"champion","prediction":1,"status":200}""";
    private const string Refused = """{"request_id":"b","model_version":"1","status":400,"error_code":"BAD_REQUEST"}""";

    [Fact]
    public async Task ReadTracking_InferenceRuns_ReadsTheirArtifactsAndSkipsOtherRuns()
    {
        await using var backend = TrackingComposition.ForProcess().Open($"sqlite:///{Path.Combine(_root, "mlruns.db")}", new Uri(Path.Combine(_root, "artifacts")).AbsoluteUri);
        var experiment = await backend.Store.CreateExperimentAsync("inference");
        foreach (var (role, text) in new[] { ("inference", Line + "\n" + Refused + "\n"), ("other", Line + "\n") })
        {
            var run = await backend.Store.CreateRunAsync(experiment, "server", 0, [new RunTag(LoggedPredictionReader.RoleTag, role)], role);
            await backend.Artifacts.Open(run.Info.ArtifactUri).WriteAsync(LoggedPredictionReader.ArtifactPath, new MemoryStream(Encoding.UTF8.GetBytes(text)));
        }

        var reader = new LoggedPredictionReader();
        var predictions = await reader.ReadTrackingAsync(backend.Store, backend.Artifacts, "inference", CancellationToken.None);

        Assert.Equal("a", Assert.Single(predictions).RequestId);
        Assert.Equal((1, 1), (reader.Sources, reader.SkippedLines));
    }

    [Fact]
    public async Task ReadTracking_NoInferenceExperiment_ErrorSaysHowTheServerFillsIt()
    {
        await using var backend = TrackingComposition.ForProcess().Open($"sqlite:///{Path.Combine(_root, "mlruns.db")}", new Uri(Path.Combine(_root, "artifacts")).AbsoluteUri);

        var error = await Assert.ThrowsAsync<TrackingException>(() => new LoggedPredictionReader().ReadTrackingAsync(backend.Store, backend.Artifacts, "inference", CancellationToken.None));

        Assert.Contains("--log-predictions tracking", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDirectory_JsonLinesFiles_ReadInNameOrder()
    {
        File.WriteAllText(Path.Combine(_root, "predictions-2.jsonl"), Line.Replace("\"a\"", "\"second\"") + "\n");
        File.WriteAllText(Path.Combine(_root, "predictions-1.jsonl"), Line + "\n\n" + Refused + "\n");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a log");

        var reader = new LoggedPredictionReader();
        var ids = reader.ReadDirectory(_root).Select(p => p.RequestId).ToList();

        Assert.Equal(["a", "second"], ids);
        Assert.Equal((2, 1), (reader.Sources, reader.SkippedLines));
    }
}
