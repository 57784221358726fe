namespace Pipeline.Docker.Tests;

public sealed class ServingDockerfileTests : IDisposable
{
    private readonly string _publish = Directory.CreateTempSubdirectory("serving-").FullName;

    public ServingDockerfileTests()
    {
        var entry = Path.Combine(_publish, "Server");
        File.WriteAllText(entry, "");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(entry, (UnixFileMode)0b111_101_101);
    }

    public void Dispose() => Directory.Delete(_publish, recursive: true);

    private ServingImageOptions Options() => new()
    {
        ModelName = "iris", ModelVersion = "3", PublishFolder = _publish, EntryPoint = "Server", BaseImage = "base:1",
    };

    [Fact]
    public void Render_Defaults_NonRootUserHealthcheckAndExecFormEntrypoint()
    {
        var text = ServingDockerfile.Render(Options(), "Server");

        Assert.Contains("USER 10001:10001\n", text);
        Assert.Contains("HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 CMD [\"/app/Server\",\"--healthcheck\"]\n", text);
        Assert.Contains("ENTRYPOINT [\"/app/Server\"]\n", text);
        Assert.DoesNotContain("COPY model/", text);
    }

    [Fact]
    public void Render_WithChallenger_CopiesItBesideTheModel()
    {
        var text = ServingDockerfile.Render(Options() with { ModelDirectory = _publish, ChallengerDirectory = _publish }, "Server");

        Assert.Contains("COPY model/ /opt/ml/model/\nCOPY challenger/ /opt/ml/challenger/\n", text);
    }

    [Fact]
    public void Validate_MissingChallengerFolder_ThrowsNamingOption()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ServingImageValidation.Validate(Options() with { ChallengerDirectory = Path.Combine(_publish, "missing") }));

        Assert.Contains("ChallengerDirectory", error.Message);
    }

    [Fact]
    public void Render_FrameworkDependentWithoutHealthcheck_RunsDotnetAndHasNoHealthcheck()
    {
        var text = ServingDockerfile.Render(Options() with { FrameworkDependent = true, HealthCheckArguments = null }, "Server.dll");

        Assert.Contains("ENTRYPOINT [\"dotnet\",\"/app/Server.dll\"]\n", text);
        Assert.DoesNotContain("HEALTHCHECK", text);
    }

    [Fact]
    public void Render_WithRuntimeFolder_CopiesRuntimeFirstAndRunsItsDotnetForEntryAndHealthcheck()
    {
        var text = ServingDockerfile.Render(Options() with { FrameworkDependent = true, RuntimeFolder = _publish }, "Server.dll");

        Assert.StartsWith("FROM base:1\nCOPY dotnet/ /usr/share/dotnet/\nCOPY app/ /app/\n", text);
        Assert.Contains("CMD [\"/usr/share/dotnet/dotnet\",\"/app/Server.dll\",\"--healthcheck\"]\n", text);
        Assert.Contains("ENTRYPOINT [\"/usr/share/dotnet/dotnet\",\"/app/Server.dll\"]\n", text);
    }

    [Fact]
    public void Validate_RuntimeFolderWithoutDotnetHost_ThrowsNamingOption()
    {
        File.WriteAllText(Path.Combine(_publish, "Server.dll"), "");

        var error = Assert.Throws<ArgumentException>(() =>
            ServingImageValidation.Validate(Options() with { FrameworkDependent = true, RuntimeFolder = _publish }));

        Assert.Contains("RuntimeFolder", error.Message);
        Assert.Contains("dotnet host", error.Message);
    }

    [Fact]
    public void Validate_RuntimeFolderWithDotnetHost_ReturnsTheDll()
    {
        File.WriteAllText(Path.Combine(_publish, "Server.dll"), "");
        File.WriteAllText(Path.Combine(_publish, "dotnet"), "");

        Assert.Equal("Server.dll", ServingImageValidation.Validate(Options() with { FrameworkDependent = true, RuntimeFolder = _publish }));
    }

    [Fact]
    public void Render_LabelsAndEnvironment_OneInstructionEachWithQuotedValues()
    {
        var options = Options() with { Environment = new Dictionary<string, string> { ["GREETING"] = "say \"hi\" to $USER" } };

        var text = ServingDockerfile.Render(options, "Server", new Dictionary<string, string> { ["b.key"] = "two words", ["a.key"] = "1" });

        Assert.Single(text.Split('\n'), l => l.StartsWith("ENV ", StringComparison.Ordinal));
        Assert.Contains(" GREETING=\"say \\\"hi\\\" to \\$USER\"", text);
        Assert.Contains(" ASPNETCORE_HTTP_PORTS=\"\"", text);
        Assert.EndsWith("LABEL \"a.key\"=\"1\" \"b.key\"=\"two words\"\n", text);
    }

    [Fact]
    public void Validate_MissingEntryPoint_ThrowsNamingOption()
    {
        var error = Assert.Throws<ArgumentException>(() => ServingImageValidation.Validate(Options() with { EntryPoint = "Nope" }));

        Assert.Contains("EntryPoint", error.Message);
        Assert.Contains("Nope", error.Message);
    }

    [Fact]
    public void Validate_RootUser_Throws() =>
        Assert.Contains("User", Assert.Throws<ArgumentException>(() => ServingImageValidation.Validate(Options() with { User = "0:0" })).Message);

    [Fact]
    public void Validate_BadVersionTag_Throws() =>
        Assert.Contains("ModelVersion", Assert.Throws<ArgumentException>(() => ServingImageValidation.Validate(Options() with { ModelVersion = "v 1" })).Message);
}
