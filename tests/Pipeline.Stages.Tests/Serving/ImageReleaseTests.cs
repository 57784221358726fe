using System.Net.Sockets;
using System.Security.Cryptography;
using Pipeline.Docker;
using Pipeline.Docker.Registry;
using Pipeline.Stages.Running;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Serve;
using Pipeline.Stages.Stages.Smoke;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Stages.Tests.Spec;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Tests.Serving;

/// <summary>
/// The release after a passed smoke test, against a real engine and the real distribution registries of
/// <c>.ci/registry.sh</c>: what the registry holds is read back over its own v2 API.
/// </summary>
[Collection("serving")]
public sealed class ImageReleaseTests(ServedModelStore fixture) : IClassFixture<ServedModelStore>
{
    private readonly RecordingReporter _reporter = new();
    private readonly string _dockerConfig = Path.Combine(fixture.Root, $"docker-config-{Guid.NewGuid():N}");

    [RegistryFact]
    public async Task Release_AfterPassedSmoke_PushesBothTagsRecordsTheRegistrysDigestEverywhereAndTheDigestServesAgain()
    {
        await ServeAndSmokeAsync();
        var host = Environment.GetEnvironmentVariable("PIPELINE_TEST_REGISTRY")!;
        var prefix = $"{host}/t{Guid.NewGuid():N}"[..(host.Length + 14)];
        var archive = Path.Combine(fixture.Root, "release", $"{Guid.NewGuid():N}.tar");

        var output = await ReleaseAsync(new ReleaseTarget(prefix, archive), Secrets(null, null));

        var repository = $"{prefix[(host.Length + 1)..]}/{ServedModelStore.ModelName}";
        using var registry = new TestRegistry(host);
        Assert.Equal(["1", "champion"], await registry.TagsAsync(repository));
        var digest = await registry.DigestAsync(repository, "1");
        Assert.Equal(digest, await registry.DigestAsync(repository, "champion"));
        Assert.Equal(digest, output.Pushed!.Digest);
        var version = await fixture.Registry.GetModelVersionAsync(ServedModelStore.ModelName, 1);
        Assert.Equal(digest, version.Tags.Single(t => t.Key == ImageTags.Digest).Value);
        Assert.Equal($"{prefix}/{ServedModelStore.ModelName}:1", version.Tags.Single(t => t.Key == ImageTags.Image).Value);
        Assert.Equal(digest, (await fixture.Store.GetRunAsync(version.RunId!)).Data.Tag(ImageTags.Digest));
        Assert.Equal(digest, (await fixture.PipelineRunAsync()).Data.Tag(ImageTags.Digest));

        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(archive)));
        Assert.Equal(sha, output.ArchiveSha256);
        Assert.Equal(sha, (await fixture.PipelineRunAsync()).Data.Tag(ImageTags.ArchiveSha256));
        var logged = await fixture.Artifacts.Open((await fixture.PipelineRunAsync()).Info.ArtifactUri).ListAsync("image");
        Assert.Contains(logged, f => f.Path == $"image/{Path.GetFileName(archive)}");

        using var engine = DockerEngine.FromEnvironment();
        var labels = (await engine.Client.Images.InspectImageAsync($"{ServedModelStore.ModelName}:1")).Config.Labels;
        Assert.Equal($"models:/{ServedModelStore.ModelName}/1", labels[ImageLabels.ModelUri]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(fixture.Served.Directory, "manifest.json")))),
            labels[ImageLabels.ModelSha256]);

        // Pulled back by digest alone and served, it answers the smoke test as the model does offline.
        var pulled = await new ImagePusher(engine, new RegistryCredentialStore(Secrets(null, null))).PullAsync($"{host}/{repository}", digest);
        using var runner = new ContainerRunner(engine);
        var container = await runner.RunAsync(new ContainerRunOptions { Image = pulled, Port = FreePort(), HealthTimeout = TimeSpan.FromSeconds(90) });
        await fixture.Store.LogBatchAsync(fixture.PipelineRunId, [], [],
        [
            new RunTag(ServingTags.Url, container.Url.ToString().TrimEnd('/')), new RunTag(ServingTags.State, "running"),
            new RunTag(ServingTags.Mode, ServingTags.ModeDocker), new RunTag(ServingTags.ContainerId, container.Id),
        ]);
        await SmokeAsync();
        Assert.Equal(pulled, container.Image);
    }

    [RegistryFact(authenticated: true)]
    public async Task Release_BasicAuthRegistry_WithoutCredentialsFailsPushingNothing_WithThemPushesAndNeverShowsThePassword()
    {
        await ServeAndSmokeAsync();
        var host = Environment.GetEnvironmentVariable("PIPELINE_TEST_REGISTRY_AUTH")!;
        var user = Environment.GetEnvironmentVariable("PIPELINE_TEST_REGISTRY_USERNAME")!;
        var password = Environment.GetEnvironmentVariable("PIPELINE_TEST_REGISTRY_PASSWORD")!;
        var ns = $"t{Guid.NewGuid():N}"[..13];
        using var registry = new TestRegistry(host, user, password);

        var refused = await Assert.ThrowsAsync<PipelineException>(() => ReleaseAsync(new ReleaseTarget($"{host}/{ns}", null), Secrets(null, null)));
        Assert.Contains("no credentials for", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await registry.TagsAsync($"{ns}/{ServedModelStore.ModelName}"));

        var output = await ReleaseAsync(new ReleaseTarget($"{host}/{ns}", null), Secrets(user, password));
        Assert.Equal(["1", "champion"], await registry.TagsAsync($"{ns}/{ServedModelStore.ModelName}"));
        Assert.Equal(await registry.DigestAsync($"{ns}/{ServedModelStore.ModelName}", "champion"), output.Pushed!.Digest);
        Assert.DoesNotContain(_reporter.Lines, l => l.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(password, refused.Message, StringComparison.Ordinal);
    }

    private async Task ServeAndSmokeAsync()
    {
        await new ServeStage(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, TimeProvider.System).RunAsync(
            new ServeInput(new ModelSpec(ServedModelStore.ModelName, "champion"), new ServeSpec(FreePort(), null),
                await fixture.PipelineRunAsync(), RepositoryRoot.Path, RequireDocker: true), CancellationToken.None);
        await SmokeAsync();
    }

    private async Task SmokeAsync() => await new SmokeTestStage(fixture.Store, _reporter, TimeProvider.System).RunAsync(
        new SmokeTestInput(await fixture.PipelineRunAsync(), fixture.Served, fixture.Test, KeepServing: false, LatencyRequests: 20), CancellationToken.None);

    private async Task<ReleaseOutput> ReleaseAsync(ReleaseTarget target, Func<string, string?> environment)
    {
        var run = await fixture.PipelineRunAsync();
        ImageRelease.CheckServedImage(run, target);
        return await new ImageRelease(fixture.Store, fixture.Registry, fixture.Artifacts, _reporter, environment).RunAsync(run, target, CancellationToken.None);
    }

    /// <summary>The process's DOCKER_HOST, an empty Docker config folder (not this machine's), and the given CI secrets.</summary>
    private Func<string, string?> Secrets(string? user, string? password) => name => name switch
    {
        RegistryCredentialStore.UsernameVariable => user,
        RegistryCredentialStore.PasswordVariable => password,
        "DOCKER_CONFIG" => _dockerConfig,
        _ => System.Environment.GetEnvironmentVariable(name),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
