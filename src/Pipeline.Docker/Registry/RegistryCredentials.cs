namespace Pipeline.Docker.Registry;

/// <summary>
/// Credentials for one registry host. <see cref="ToString"/> never shows the secret, so a credential that ends up in a
/// message or a log line gives nothing away.
/// </summary>
/// <param name="Username">The user name; empty with an identity token.</param>
/// <param name="Secret">The password or token.</param>
/// <param name="IsIdentityToken">The secret is an OAuth identity token (a credential helper answered the user <c>&lt;token&gt;</c>).</param>
/// <param name="Source">Where they came from, for messages: e.g. <c>PIPELINE_REGISTRY_USERNAME</c> or <c>~/.docker/config.json auths</c>.</param>
public sealed record RegistryCredentials(string Username, string Secret, bool IsIdentityToken, string Source)
{
    /// <summary>The user and where the credentials came from; never the secret.</summary>
    public override string ToString() => $"{(IsIdentityToken ? "identity token" : $"user {Username}")} from {Source}";
}
