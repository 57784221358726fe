using System.Diagnostics;
using System.Text;
using Pipeline.Ml.Packaging;
using Pipeline.Serving.Hosting;
using Pipeline.Serving.Model;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Tests.Shared.ObjectStores;
using Pipeline.Tracking.Composition;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.EndToEnd;

/// <summary>
/// The pipeline with its artifacts in an object store (<c>tracking.artifact_root: s3://...</c> or <c>wasbs://...</c>)
/// against the emulators `.ci/objectstores.sh` starts: one small run each (two configurations), then the model read
/// back, verified against its manifest, by the stages and the scoring server, and no secret in anything the run left.
/// </summary>
public sealed class ObjectStorePipelineTests
{
    private const string Model = "breast-cancer-classifier";

    [S3Fact]
    public async Task PrepareThroughPackage_ArtifactsOnS3_MlflowLayoutVerifiedModelAndNoSecretInAnyOutput()
    {
        var root = ObjectStoreTestEnvironment.NewS3Root("e2e");
        var secret = $"s3cr3t-{Guid.NewGuid():N}";
        var variables = ObjectStoreTestEnvironment.S3Variables();
        variables["AWS_SECRET_ACCESS_KEY"] = secret; // the emulator accepts any signature, so the key can be unique to this run

        var (workspace, version) = await RunPipelineAsync(root, variables);
        await using (workspace)
        {
            await AssertMlflowLayoutAsync(workspace, root, version.RunId!);
            await AssertModelReadBackAsync(workspace, variables);
            await AssertNoSecretAsync(workspace, root, secret);
            await AssertBoto3ReadsTheModelAsync(root, version, variables);
            await AssertServedStraightFromTheBucketAsync(version.Source!, variables);
            await AssertTamperedModelIsRefusedAsync(version.Source!, variables);
        }
    }

    [AzureFact]
    public async Task PrepareThroughPackage_ArtifactsOnAzureBlob_MlflowLayoutVerifiedModelAndNoKeyInAnyOutput()
    {
        var root = await ObjectStoreTestEnvironment.NewAzureRootAsync("e2e");
        var variables = ObjectStoreTestEnvironment.AzureVariables();
        var accountKey = variables["AZURE_STORAGE_CONNECTION_STRING"].Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];

        var (workspace, version) = await RunPipelineAsync(root, variables);
        await using (workspace)
        {
            await AssertMlflowLayoutAsync(workspace, root, version.RunId!);
            await AssertModelReadBackAsync(workspace, variables);
            await AssertNoSecretAsync(workspace, root, accountKey);
        }
    }

    private static async Task<(PipelineWorkspace, Tracking.Registry.ModelVersion)> RunPipelineAsync(string artifactRoot, Dictionary<string, string> variables)
    {
        // Two configurations instead of twelve: the point is where the files go, not the sweep.
        var workspace = PipelineWorkspace.Create("breast-cancer", yaml => System.Text.RegularExpressions.Regex.Replace(yaml, "artifact_root: .*", $"artifact_root: {artifactRoot}")
            .Replace("[0.01, 0.1, 0.5, 1.0, 2.0, 3.0]", "[1.0]"));
        workspace.Environment = new DictionaryEnvironmentVariables(variables);
        var result = await workspace.RunThroughAsync(StageName.Package);
        Assert.True(result.Outcome == StageOutcome.Succeeded, workspace.Reporter.Text);
        await using var backend = TrackingComposition.CreateDefault(workspace.Environment).Open(workspace.TrackingUri, artifactRoot);
        return (workspace, await backend.Registry.GetModelVersionByAliasAsync(Model, "champion"));
    }

    // MLflow's layout: <root>/<experiment_id>/<run_id>/artifacts/..., so MLflow's own clients find the same files.
    private static async Task AssertMlflowLayoutAsync(PipelineWorkspace workspace, string root, string runId)
    {
        await using var backend = TrackingComposition.CreateDefault(workspace.Environment).Open(workspace.TrackingUri, root);
        var experiment = (await backend.Store.GetExperimentByNameAsync("breast-cancer"))!;
        var run = await backend.Store.GetRunAsync(runId);
        Assert.Equal($"{root}/{experiment.ExperimentId}", experiment.ArtifactLocation);
        Assert.Equal($"{root}/{experiment.ExperimentId}/{runId}/artifacts", run.Info.ArtifactUri);
        var model = await backend.Artifacts.Open(run.Info.ArtifactUri).ListAsync("model");
        Assert.Contains(model, e => e.Path == "model/MLmodel" && !e.IsDir);
        Assert.Contains(model, e => e.Path == "model/manifest.json" && !e.IsDir);
    }

    // The stages (DockerServe, SmokeTest) and `pipeline serve` read the model through the same composition; both verify it.
    private static async Task AssertModelReadBackAsync(PipelineWorkspace workspace, Dictionary<string, string> variables)
    {
        await using (var context = StageContext.Open(new StageOptions(workspace.PipelinePath), new RecordingReporter(), TimeProvider.System, workspace.Environment, null))
        {
            var uri = await context.Registry.GetModelVersionDownloadUriAsync(Model, 1);
            var directory = await context.Artifacts.Open(uri).DownloadAsync("", Path.Combine(workspace.Root, "stage-download"));
            Assert.NotNull(PackagedModel.Load(directory).MlModel.RunId);
        }

        var loader = new MlNetScoringModelLoader(TrackingComposition.CreateDefault(new DictionaryEnvironmentVariables(
            new Dictionary<string, string>(variables) { ["MLFLOW_TRACKING_URI"] = workspace.TrackingUri })));
        using var served = (MlNetScoringModel)await loader.LoadAsync(new ScoringServerOptions { ModelUri = $"models:/{Model}@champion", EnginePoolSize = 1 }, CancellationToken.None);
        Assert.Equal($"{Model}/1", served.Version);
    }

    // `pipeline serve --model s3://...`: a model directory named by its object-store URI, no tracking store involved.
    private static async Task AssertServedStraightFromTheBucketAsync(string source, Dictionary<string, string> variables)
    {
        var loader = new MlNetScoringModelLoader(TrackingComposition.CreateDefault(new DictionaryEnvironmentVariables(variables)));

        using var served = (MlNetScoringModel)await loader.LoadAsync(new ScoringServerOptions { ModelUri = source, EnginePoolSize = 1 }, CancellationToken.None);

        Assert.NotNull(served);
    }

    // A model file changed in the bucket after packaging: serving refuses it, naming the file (manifest.json's SHA-256).
    private static async Task AssertTamperedModelIsRefusedAsync(string source, Dictionary<string, string> variables)
    {
        var composition = TrackingComposition.CreateDefault(new DictionaryEnvironmentVariables(variables));
        using var http = new HttpClient();
        var repository = composition.CreateArtifactRegistry(new BackendContext(composition.Environment, composition.Time, http, null)).Open(source);
        await repository.WriteAsync("MLmodel", new MemoryStream(Encoding.UTF8.GetBytes("flavors: {}\n")));

        var error = await Assert.ThrowsAsync<ModelVerificationException>(() =>
            new MlNetScoringModelLoader(composition).LoadAsync(new ScoringServerOptions { ModelUri = source, EnginePoolSize = 1 }, CancellationToken.None));

        Assert.Contains("MLmodel", error.Message);
    }

    // Every output of the run: the reporter's lines (stdout/stderr of the CLI), the store, the reports, and every artifact
    // (environment.json included), downloaded whole from the object store.
    private static async Task AssertNoSecretAsync(PipelineWorkspace workspace, string root, string secret)
    {
        Assert.DoesNotContain(secret, workspace.Reporter.Text, StringComparison.Ordinal);
        await using (var backend = TrackingComposition.CreateDefault(workspace.Environment).Open(workspace.TrackingUri, root))
        {
            var everything = await backend.Artifacts.Open(root).DownloadAsync("", Path.Combine(workspace.Root, "all-artifacts"));
            Assert.Contains(Directory.EnumerateFiles(everything, "*", SearchOption.AllDirectories), f => Path.GetFileName(f) == "environment.json");
        }

        var needle = Encoding.UTF8.GetBytes(secret);
        var leaks = Directory.EnumerateFiles(workspace.Root, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)
            .Select(f => Path.GetRelativePath(workspace.Root, f))
            .ToList();
        Assert.Empty(leaks);
        Assert.NotEmpty(Directory.EnumerateFiles(workspace.OutputDirectory, "*", SearchOption.AllDirectories));
    }

    // MLflow's own S3 client stack (boto3) reads what we wrote, at the URI the registry gives, with the same variables.
    private static async Task AssertBoto3ReadsTheModelAsync(string root, Tracking.Registry.ModelVersion version, Dictionary<string, string> variables)
    {
        var source = version.Source!;
        Assert.StartsWith(root, source);
        const string script = """
            import boto3, hashlib, json, os, sys
            bucket, _, prefix = sys.argv[1][len("s3://"):].partition("/")
            s3 = boto3.client("s3", endpoint_url=os.environ["MLFLOW_S3_ENDPOINT_URL"])
            manifest = json.loads(s3.get_object(Bucket=bucket, Key=prefix + "/manifest.json")["Body"].read())
            for f in manifest["files"]:
                body = s3.get_object(Bucket=bucket, Key=prefix + "/" + f["path"])["Body"].read()
                assert hashlib.sha256(body).hexdigest() == f["sha256"], f["path"]
            print(len(manifest["files"]))
            """;
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { "-c", script, source } };
        foreach (var (name, value) in variables)
            start.Environment[name] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return; // no python3 on this machine: the C# checks above stand alone
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (error.Contains("No module named 'boto3'", StringComparison.Ordinal))
                return; // boto3 missing (Debian: python3-boto3): nothing to cross-check with
            Assert.True(process.ExitCode == 0, error);
            Assert.True(int.Parse(output.Trim()) >= 4, output);
        }
    }
}
