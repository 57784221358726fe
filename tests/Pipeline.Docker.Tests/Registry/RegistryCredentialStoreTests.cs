using System.Text;
using Pipeline.Docker.Registry;

namespace Pipeline.Docker.Tests.Registry;

public sealed class RegistryCredentialStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"docker-config-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> _environment = [];
    private readonly List<(string Helper, string Server)> _helperCalls = [];

    public RegistryCredentialStoreTests()
    {
        Directory.CreateDirectory(_folder);
        _environment["DOCKER_CONFIG"] = _folder;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private RegistryCredentialStore Store(string? helperAnswer = null) => new(name => _environment.GetValueOrDefault(name),
        (helper, server) => { _helperCalls.Add((helper, server)); return helperAnswer; });

    private void Config(string json) => File.WriteAllText(Path.Combine(_folder, "config.json"), json);

    private static string Auths(string key, string user, string password, string extra = "") =>
        "{\"auths\": {\"" + key + "\": {\"auth\": \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")) + "\"}}" + extra + "}";

    [Fact]
    public void Find_EnvironmentSecrets_WinOverTheConfigFile()
    {
        Config(Auths("ghcr.io", "file", "x"));
        _environment[RegistryCredentialStore.UsernameVariable] = "ci";
        _environment[RegistryCredentialStore.PasswordVariable] = "s3cret";

        var found = Store().Find("ghcr.io")!;

        Assert.Equal(("ci", "s3cret"), (found.Username, found.Secret));
        Assert.DoesNotContain("s3cret", found.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_OnlyOneSecretVariable_FailsNamingTheMissingOne()
    {
        _environment[RegistryCredentialStore.UsernameVariable] = "ci";

        var error = Assert.Throws<RegistryCredentialsException>(() => Store().Find("ghcr.io"));

        Assert.Contains(RegistryCredentialStore.PasswordVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_AuthsEntryUnderAUrlKey_DecodesUserAndPassword()
    {
        Config(Auths("https://registry.example.com:5000", "me", "pa:ss"));

        var found = Store().Find("registry.example.com:5000")!;

        Assert.Equal(("me", "pa:ss", false), (found.Username, found.Secret, found.IsIdentityToken));
    }

    [Fact]
    public void Find_DockerHub_UsesTheIndexKey()
    {
        Config(Auths("https://index.docker.io/v1/", "hub", "pw"));

        Assert.Equal("hub", Store().Find(RegistryHost.DockerHub)!.Username);
    }

    [Fact]
    public void Find_HostHelper_AsksItForTheServerAndReadsAnIdentityToken()
    {
        Config("""{"auths": {"ghcr.io": {}}, "credHelpers": {"ghcr.io": "gh"}, "credsStore": "desktop"}""");

        var found = Store("""{"ServerURL": "ghcr.io", "Username": "<token>", "Secret": "tok"}""").Find("ghcr.io")!;

        Assert.Equal([("gh", "ghcr.io")], _helperCalls);
        Assert.True(found.IsIdentityToken);
        Assert.Equal("tok", found.Secret);
    }

    [Fact]
    public void Find_CredsStoreWithoutAnswer_FallsBackToAuths()
    {
        Config(Auths("ghcr.io", "me", "pw", ", \"credsStore\": \"desktop\""));

        Assert.Equal("me", Store(helperAnswer: null).Find("ghcr.io")!.Username);
        Assert.Equal([("desktop", "ghcr.io")], _helperCalls);
    }

    [Fact]
    public void Find_NoConfigFileOrEntry_IsAnonymous()
    {
        Assert.Null(Store().Find("ghcr.io"));
        Config("""{"auths": {"other.io": {"auth": "eDp5"}}}""");
        Assert.Null(Store().Find("ghcr.io"));
    }

    [Fact]
    public void Find_BrokenConfigFile_FailsNamingIt()
    {
        Config("{ not json");

        var error = Assert.Throws<RegistryCredentialsException>(() => Store().Find("ghcr.io"));

        Assert.Contains("config.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ghcr.io/team/model", "ghcr.io")]
    [InlineData("127.0.0.1:5050/team/model", "127.0.0.1:5050")]
    [InlineData("localhost/model", "localhost")]
    [InlineData("team/model", "docker.io")]
    [InlineData("model", "docker.io")]
    public void RegistryHostOf_FollowsDockersFirstComponentRule(string repository, string host) =>
        Assert.Equal(host, RegistryHost.Of(repository));
}
