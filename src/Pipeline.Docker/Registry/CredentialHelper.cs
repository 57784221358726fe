using System.ComponentModel;
using System.Diagnostics;

namespace Pipeline.Docker.Registry;

/// <summary>Runs a Docker credential helper (<c>docker-credential-&lt;name&gt; get</c>), the protocol of docker-credential-helpers.</summary>
public static class CredentialHelper
{
    /// <summary>
    /// The helper's JSON answer for <paramref name="server"/>, or null when it has no credentials for it ("credentials not
    /// found"). A helper that is not installed or fails otherwise is an error naming it.
    /// </summary>
    /// <exception cref="RegistryCredentialsException">The helper is missing, timed out or failed.</exception>
    public static string? Get(string helper, string server)
    {
        var program = $"docker-credential-{helper}";
        var start = new ProcessStartInfo(program, "get")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new RegistryCredentialsException($"{program} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new RegistryCredentialsException($"Docker's config file names the credential helper {program}, which is not on PATH: install it, or set PIPELINE_REGISTRY_USERNAME and PIPELINE_REGISTRY_PASSWORD.", e);
        }
        using (process)
        {
            process.StandardInput.Write(server);
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new RegistryCredentialsException($"{program} get did not answer within 30 s.");
            }
            var text = output.Result.Trim();
            if (process.ExitCode == 0)
                return text;
            // The helpers' own wording for "nothing stored for this server".
            if ((text + error.Result).Contains("credentials not found", StringComparison.OrdinalIgnoreCase))
                return null;
            throw new RegistryCredentialsException($"{program} get failed (exit {process.ExitCode}): {error.Result.Trim()} {text}".TrimEnd());
        }
    }
}
