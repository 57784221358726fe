using System.Text;
using System.Text.Json;

namespace Pipeline.Docker.Registry;

/// <summary>
/// Finds credentials for a registry host where a release job keeps them, in this order:
/// <c>PIPELINE_REGISTRY_USERNAME</c> and <c>PIPELINE_REGISTRY_PASSWORD</c> (CI secrets); then Docker's config file
/// (<c>$DOCKER_CONFIG/config.json</c>, default <c>~/.docker/config.json</c>) as <c>docker login</c> leaves it:
/// the host's <c>credHelpers</c> entry, else <c>credsStore</c>, else the host's <c>auths</c> entry (<c>auth</c> as base64
/// <c>user:password</c>, or <c>identitytoken</c>). None found means an anonymous push, which a registry may allow.
/// </summary>
/// <param name="getEnvironmentVariable">Reads the environment (injected for tests).</param>
/// <param name="runHelper">Runs <c>docker-credential-&lt;name&gt; get</c> with the server on standard input and returns its
/// standard output, or null when it found nothing; default <see cref="CredentialHelper.Get"/>.</param>
public sealed class RegistryCredentialStore(Func<string, string?> getEnvironmentVariable, Func<string, string, string?>? runHelper = null)
{
    /// <summary>The user name variable for CI secrets.</summary>
    public const string UsernameVariable = "PIPELINE_REGISTRY_USERNAME";

    /// <summary>The password (or token) variable for CI secrets.</summary>
    public const string PasswordVariable = "PIPELINE_REGISTRY_PASSWORD";

    private readonly Func<string, string, string?> _runHelper = runHelper ?? CredentialHelper.Get;

    /// <summary>The config file consulted: <c>$DOCKER_CONFIG/config.json</c>, else <c>$HOME/.docker/config.json</c>.</summary>
    public string ConfigFile => Path.Combine(
        getEnvironmentVariable("DOCKER_CONFIG") is { Length: > 0 } folder ? folder
            : Path.Combine(getEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker"),
        "config.json");

    /// <summary>Credentials for <paramref name="host"/> (as <see cref="RegistryHost.Of"/> gives it), or null for none.</summary>
    /// <exception cref="RegistryCredentialsException">The config file or a helper's answer cannot be read; or only one of the
    /// two variables is set.</exception>
    public RegistryCredentials? Find(string host)
    {
        var user = getEnvironmentVariable(UsernameVariable);
        var password = getEnvironmentVariable(PasswordVariable);
        if (!string.IsNullOrEmpty(user) || !string.IsNullOrEmpty(password))
        {
            if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password))
                throw new RegistryCredentialsException(
                    $"{(string.IsNullOrEmpty(user) ? PasswordVariable : UsernameVariable)} is set but {(string.IsNullOrEmpty(user) ? UsernameVariable : PasswordVariable)} is not: set both, or neither to use Docker's config file.");
            return new RegistryCredentials(user, password, false, $"{UsernameVariable}/{PasswordVariable}");
        }

        var file = ConfigFile;
        if (!File.Exists(file))
            return null;
        using var config = Parse(file);
        var root = config.RootElement;
        var server = host == RegistryHost.DockerHub ? RegistryHost.DockerHubConfigKey : host;
        if (root.TryGetProperty("credHelpers", out var helpers) && helpers.ValueKind == JsonValueKind.Object &&
            FindEntry(helpers, host) is { ValueKind: JsonValueKind.String } helper)
            return FromHelper(helper.GetString()!, server, $"{file} credHelpers");
        if (root.TryGetProperty("credsStore", out var store) && store.ValueKind == JsonValueKind.String && store.GetString() is { Length: > 0 } name &&
            FromHelper(name, server, $"{file} credsStore") is { } stored)
            return stored;
        if (root.TryGetProperty("auths", out var auths) && auths.ValueKind == JsonValueKind.Object && FindEntry(auths, host) is { ValueKind: JsonValueKind.Object } entry)
            return FromAuthEntry(entry, $"{file} auths");
        return null;
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new RegistryCredentialsException($"Docker's config file {file} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Config keys may be a bare host or a URL (<c>https://ghcr.io</c>, <c>https://index.docker.io/v1/</c>).</summary>
    private static JsonElement? FindEntry(JsonElement map, string host)
    {
        foreach (var property in map.EnumerateObject())
        {
            var key = property.Name;
            var bare = key.Contains("://", StringComparison.Ordinal) ? key[(key.IndexOf("://", StringComparison.Ordinal) + 3)..] : key;
            bare = bare.Split('/')[0];
            if (bare.Equals(host, StringComparison.OrdinalIgnoreCase) ||
                (host == RegistryHost.DockerHub && bare is "index.docker.io" or "registry-1.docker.io"))
                return property.Value;
        }
        return null;
    }

    private static RegistryCredentials? FromAuthEntry(JsonElement entry, string source)
    {
        if (entry.TryGetProperty("identitytoken", out var token) && token.GetString() is { Length: > 0 } identity)
            return new RegistryCredentials("", identity, true, source);
        if (entry.TryGetProperty("auth", out var auth) && auth.GetString() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException e)
            {
                throw new RegistryCredentialsException($"{source}: an 'auth' value is not base64 of user:password.", e);
            }
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new RegistryCredentialsException($"{source}: an 'auth' value does not decode to user:password.");
            return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..], false, source);
        }
        if (entry.TryGetProperty("username", out var u) && entry.TryGetProperty("password", out var p) && u.GetString() is { Length: > 0 } user)
            return new RegistryCredentials(user, p.GetString() ?? "", false, source);
        return null;
    }

    private RegistryCredentials? FromHelper(string helper, string server, string source)
    {
        var answer = _runHelper(helper, server);
        if (answer is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(answer);
            var user = document.RootElement.GetProperty("Username").GetString() ?? "";
            var secret = document.RootElement.GetProperty("Secret").GetString() ?? "";
            // Helpers answer the user "<token>" for an identity token (docker-credential-helpers' convention).
            return user == "<token>"
                ? new RegistryCredentials("", secret, true, $"{source} docker-credential-{helper}")
                : new RegistryCredentials(user, secret, false, $"{source} docker-credential-{helper}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new RegistryCredentialsException($"docker-credential-{helper} answered something that is not {{\"Username\", \"Secret\"}} JSON.", e);
        }
    }
}
