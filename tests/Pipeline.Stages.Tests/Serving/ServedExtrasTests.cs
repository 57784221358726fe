using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Tests.Serving;

public sealed class ServedExtrasTests
{
    private static readonly ModelVersion Challenger = new("m", 4, 0, 0, null, null, "None", null, null, null, ModelVersionStatus.Ready, null, new Dictionary<string, string>(), []);

    [Fact]
    public void ProcessArguments_ShadowChallengerAndFolderLog_PassEverySwitch()
    {
        var extras = new ServedExtras(new ServeSpec(5001, null) { Challenger = "models:/m@challenger", Shadow = true, StickyHeader = "X-User", LogPredictions = "logs", LogInputs = "hash", LogSample = 0.5 },
            Challenger, "/cache/m-4-challenger", "/work/logs", "sqlite:///mlruns.db");

        Assert.Equal(
            ["--challenger", "/cache/m-4-challenger", "--challenger-version", "m/4", "--split", "0.1", "--sticky-header", "X-User", "--shadow", "true",
             "--log-predictions", "/work/logs", "--log-inputs", "hash", "--log-sample", "0.5"],
            extras.ProcessArguments());
        Assert.Empty(extras.ProcessEnvironment());
    }

    [Fact]
    public void ImageEnvironment_Challenger_PointsTheServerAtTheCopiedModel()
    {
        var extras = new ServedExtras(new ServeSpec(5001, null) { Challenger = "models:/m/4", Split = 0.25 }, Challenger, "/cache/x", null, null);

        var environment = extras.ImageEnvironment();

        Assert.Equal("/opt/ml/challenger", environment["Scoring__Challenger"]);
        Assert.Equal("m/4", environment["Scoring__ChallengerVersion"]);
        Assert.Equal("0.25", environment["Scoring__Split"]);
        Assert.Equal("false", environment["Scoring__Shadow"]);
    }

    [Fact]
    public void ContainerLog_TrackingOnLocalSqlite_FailsSayingWhatTheContainerCanReach()
    {
        var extras = new ServedExtras(new ServeSpec(5001, null) { LogPredictions = "tracking" }, null, null, null, "sqlite:///mlruns.db");

        var error = Assert.Throws<PipelineException>(() => extras.ContainerLog());

        Assert.Contains("only an http(s):// tracking server", error.Message, StringComparison.Ordinal);
        Assert.Equal("sqlite:///mlruns.db", extras.ProcessEnvironment()["Scoring__TrackingUri"]);
    }

    [Fact]
    public void ContainerLog_Folder_IsMountedAndNamedToTheServer()
    {
        var folder = Directory.CreateTempSubdirectory("log-").FullName;
        try
        {
            var extras = new ServedExtras(new ServeSpec(5001, null) { LogPredictions = "logs" }, null, null, folder, null);

            var (environment, mounts) = extras.ContainerLog();

            Assert.Equal("/var/log/predictions", mounts[folder]);
            Assert.Equal("/var/log/predictions", environment["Scoring__PredictionLog__Target"]);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}
