using System.Text.Json;
using Pipeline.Tracking.Metadata;
using Pipeline.Tracking.Tests.Fakes;

namespace Pipeline.Tracking.Tests.Metadata;

public sealed class EnvironmentSnapshotTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static EnvironmentSnapshot CaptureOnGitHub() => EnvironmentInspector.Capture(
        new DictionaryEnvironmentVariables(new Dictionary<string, string>
        {
            ["USER"] = "runner",
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_RUN_ID"] = "555",
            ["GITHUB_SERVER_URL"] = "https://gh.example.invalid",
            ["GITHUB_REPOSITORY"] = "org/repo",
        }),
        new ManualTimeProvider(Start));

    [Fact]
    public void Capture_SimulatedCi_RecordsCiUserClockAndRuntime()
    {
        var snapshot = CaptureOnGitHub();

        Assert.Equal(Start, snapshot.CapturedAt);
        Assert.Equal("runner", snapshot.User);
        Assert.Equal("github-actions", snapshot.Ci?.Provider);
        Assert.Equal("555", snapshot.Ci?.BuildId);
        Assert.Equal("UTC", snapshot.TimeZone);
        Assert.Equal(Environment.ProcessorCount, snapshot.ProcessorCount);
        Assert.Equal(Environment.Version.ToString(), snapshot.RuntimeVersion);
        Assert.StartsWith(".NET", snapshot.FrameworkDescription);
    }

    [Fact]
    public void Capture_ListsPackageAssembliesButNotFrameworkOnes()
    {
        Assert.Equal("LibGit2Sharp", typeof(LibGit2Sharp.Repository).Assembly.GetName().Name); // loads the package assembly

        var assemblies = CaptureOnGitHub().Assemblies;

        Assert.Contains("LibGit2Sharp", assemblies.Keys);
        Assert.Contains("Pipeline.Tracking", assemblies.Keys);
        Assert.StartsWith("0.32.0", assemblies["LibGit2Sharp"].InformationalVersion);
        Assert.DoesNotContain("System.Private.CoreLib", assemblies.Keys);
        Assert.DoesNotContain("System.Runtime", assemblies.Keys);
        Assert.Equal(assemblies.Keys.Order(StringComparer.Ordinal), assemblies.Keys);
    }

    [Fact]
    public void Serialize_WritesIndentedSnakeCaseKeysInFixedOrder()
    {
        var json = EnvironmentSnapshotJson.Serialize(CaptureOnGitHub());

        using var document = JsonDocument.Parse(json);
        var keys = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["captured_at", "os_description", "os_platform", "os_architecture", "process_architecture", "processor_count",
             "runtime_version", "framework_description", "runtime_identifier", "machine_name", "process_name", "user",
             "time_zone", "ci", "assemblies"],
            keys);
        Assert.Equal("https://gh.example.invalid/org/repo/actions/runs/555", document.RootElement.GetProperty("ci").GetProperty("build_url").GetString());
        Assert.Contains("\n  \"user\": \"runner\"", json);
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsAndIsStable()
    {
        var snapshot = CaptureOnGitHub();
        var json = EnvironmentSnapshotJson.Serialize(snapshot);

        var back = EnvironmentSnapshotJson.Deserialize(json);

        Assert.Equal(json, EnvironmentSnapshotJson.Serialize(back));
        Assert.Equal(snapshot.Ci, back.Ci);
        Assert.Equal(snapshot.Assemblies.Count, back.Assemblies.Count);
    }

    [Fact]
    public void Capture_OutsideCi_HasNullCi()
    {
        var snapshot = EnvironmentInspector.Capture(new DictionaryEnvironmentVariables(), new ManualTimeProvider(Start));

        Assert.Null(snapshot.Ci);
        Assert.Contains("\"ci\": null", EnvironmentSnapshotJson.Serialize(snapshot));
    }
}
