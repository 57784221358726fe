using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Runs;
using Pipeline.Tracking.Stores;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Runs;

public sealed class TrackingClientTests : IDisposable
{
    private readonly RunsFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    private static async Task<string> ReadArtifactAsync(ActiveRun run, string path)
    {
        await using var stream = await run.Artifacts.OpenReadAsync(path);
        return await new StreamReader(stream).ReadToEndAsync();
    }

    [Fact]
    public async Task StartRun_InDirtyRepository_RecordsSystemTagsEnvironmentAndDiff()
    {
        using var git = new GitTestRepository();
        var sha = git.Commit("train.cs", "int epochs = 1;\n");
        git.CheckoutNewBranch("main");
        git.Repo.Network.Remotes.Add("origin", "https://bot:s3cret@git.example.invalid/org/repo.git");
        git.Write("train.cs", "int epochs = 5;\n");

        await using var run = await _fx.Client(git.Path).StartRunAsync(_fx.ExperimentId, "sweep");

        var tags = (await run.GetRunAsync()).Data;
        Assert.Equal("alice", tags.Tag(SystemTags.User));
        Assert.Equal("train.dll", tags.Tag(SystemTags.SourceName));
        Assert.Equal(SourceTypes.Local, tags.Tag(SystemTags.SourceType));
        Assert.Equal(sha, tags.Tag(SystemTags.GitCommit));
        Assert.Equal("main", tags.Tag(SystemTags.GitBranch));
        Assert.Equal("https://git.example.invalid/org/repo.git", tags.Tag(SystemTags.GitRepoUrl));
        Assert.Equal("https://git.example.invalid/org/repo.git", tags.Tag(RunContextTagNames.LegacyGitRepoUrl));
        Assert.Equal("true", tags.Tag(RunContextTagNames.GitDirty));
        Assert.Equal("sweep", tags.Tag(SystemTags.RunName));
        Assert.Null(tags.Tag(SystemTags.ParentRunId));
        Assert.Equal("alice", run.Info.UserId);
        Assert.Equal(RunsFixture.Start.ToUnixTimeMilliseconds(), run.Info.StartTime);

        var diff = await ReadArtifactAsync(run, RunContextTagNames.UncommittedDiffArtifact);
        Assert.Contains("-int epochs = 1;", diff);
        Assert.Contains("+int epochs = 5;", diff);
        var environment = EnvironmentSnapshotJson.Deserialize(await ReadArtifactAsync(run, "environment.json"));
        Assert.Equal("alice", environment.User);
        Assert.DoesNotContain(tags.Tags, t => t.Value.Contains("s3cret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartRun_CleanRepository_DirtyFalseAndNoDiffArtifact()
    {
        using var git = new GitTestRepository();
        git.Commit("a.txt", "a\n");

        await using var run = await _fx.Client(git.Path).StartRunAsync(_fx.ExperimentId);

        Assert.Equal("false", (await run.GetRunAsync()).Data.Tag(RunContextTagNames.GitDirty));
        Assert.Null((await run.GetRunAsync()).Data.Tag(RunContextTagNames.GitState));
        var entries = await run.Artifacts.ListAsync();
        Assert.Equal(["environment.json"], entries.Select(e => e.Path));
    }

    [Fact]
    public async Task StartRun_OutsideRepository_RecordsNotARepositoryAndNoCommitTags()
    {
        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId);

        var data = (await run.GetRunAsync()).Data;
        Assert.Equal("not a git repository", data.Tag(RunContextTagNames.GitState));
        Assert.DoesNotContain(data.Tags, t => t.Key.StartsWith("mlflow.", StringComparison.Ordinal) && t.Key.Contains("git", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("alice", data.Tag(SystemTags.User));
    }

    [Fact]
    public async Task StartRun_RepositoryWithoutCommits_RecordsNoCommitsState()
    {
        using var git = new GitTestRepository();

        await using var run = await _fx.Client(git.Path).StartRunAsync(_fx.ExperimentId);

        var data = (await run.GetRunAsync()).Data;
        Assert.Equal("no commits", data.Tag(RunContextTagNames.GitState));
        Assert.Null(data.Tag(SystemTags.GitCommit));
    }

    [Fact]
    public async Task StartRun_UnderCi_SourceTypeJobAndCiTags()
    {
        var env = new Dictionary<string, string> { ["USER"] = "runner", ["GITLAB_CI"] = "true", ["CI_PIPELINE_ID"] = "981", ["CI_PIPELINE_URL"] = "https://gl.example.invalid/p/981" };

        await using var run = await _fx.Client(env: env).StartRunAsync(_fx.ExperimentId);

        var data = (await run.GetRunAsync()).Data;
        Assert.Equal(SourceTypes.Job, data.Tag(SystemTags.SourceType));
        Assert.Equal("gitlab", data.Tag(RunContextTagNames.CiProvider));
        Assert.Equal("981", data.Tag(RunContextTagNames.CiBuildId));
        Assert.Equal("https://gl.example.invalid/p/981", data.Tag(RunContextTagNames.CiBuildUrl));
    }

    [Fact]
    public async Task StartRun_WithParent_TagsParentRunId()
    {
        var client = _fx.Client();
        await using var parent = await client.StartRunAsync(_fx.ExperimentId, "parent");

        await using var child = await client.StartRunAsync(_fx.ExperimentId, "child", parent.RunId);

        Assert.Equal(parent.RunId, (await child.GetRunAsync()).Data.Tag(SystemTags.ParentRunId));
    }

    [Fact]
    public async Task StartRun_ParentInAnotherExperiment_ThrowsInvalidParameterValue()
    {
        var client = _fx.Client();
        var other = await _fx.Store.CreateExperimentAsync("other");
        await using var parent = await client.StartRunAsync(other);

        var error = await Assert.ThrowsAsync<TrackingException>(() => client.StartRunAsync(_fx.ExperimentId, parentRunId: parent.RunId));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(parent.RunId, error.Message);
    }

    [Fact]
    public async Task StartRun_CallerTags_OverrideAutomaticOnes()
    {
        var tags = new Dictionary<string, string> { [SystemTags.SourceType] = SourceTypes.Project, ["team"] = "ml" };

        await using var run = await _fx.Client().StartRunAsync(_fx.ExperimentId, tags: tags);

        var data = (await run.GetRunAsync()).Data;
        Assert.Equal(SourceTypes.Project, data.Tag(SystemTags.SourceType));
        Assert.Equal("ml", data.Tag("team"));
    }

    [Fact]
    public async Task StartRun_ArtifactWriteFails_RunIsEndedFailedAndErrorRethrown()
    {
        var client = _fx.Client(openArtifacts: _ => new FailingArtifactRepository());

        await Assert.ThrowsAsync<IOException>(() => client.StartRunAsync(_fx.ExperimentId));

        var run = Assert.Single((await _fx.Store.SearchRunsAsync(new RunQuery([_fx.ExperimentId]))).Items);
        Assert.Equal(RunStatus.Failed, run.Info.Status);
        Assert.Equal(RunsFixture.Start.ToUnixTimeMilliseconds(), run.Info.EndTime);
    }

    /// <summary>TEST FAKE: an artifact store whose disk is full.</summary>
    private sealed class FailingArtifactRepository : IArtifactRepository
    {
        public string RootUri => "file:///full";

        public Task<ArtifactFile> WriteAsync(string artifactPath, Stream content, CancellationToken ct = default) =>
            throw new IOException("No space left on device");

        public Task<ArtifactFile> LogFileAsync(string localFile, string? artifactDirectory = null, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ArtifactFile>> LogDirectoryAsync(string localDirectory, string? artifactDirectory = null, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ArtifactEntry>> ListAsync(string? artifactDirectory = null, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<Stream> OpenReadAsync(string artifactPath, CancellationToken ct = default) => throw new NotSupportedException();

        public Task<string> DownloadAsync(string artifactPath, string localDestination, CancellationToken ct = default) => throw new NotSupportedException();

        public Task DeleteAsync(string? artifactPath = null, CancellationToken ct = default) => throw new NotSupportedException();
    }
}
