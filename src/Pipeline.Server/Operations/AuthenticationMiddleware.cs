using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Pipeline.Server.Api;
using Pipeline.Server.Hosting;

namespace Pipeline.Server.Operations;

/// <summary>
/// With <see cref="TrackingServerOptions.AuthToken"/> set, lets a request through only with <c>Authorization: Bearer
/// &lt;token&gt;</c> or basic authentication whose password is the token (any user name), so MLflow's clients work with
/// <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>. <c>/health</c> stays open for probes.
/// Others get 401 UNAUTHENTICATED. Tokens are compared in constant time.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next, TrackingServerOptions options)
{
    private readonly byte[]? _token = string.IsNullOrEmpty(options.AuthToken) ? null : Encoding.UTF8.GetBytes(options.AuthToken);

    public async Task InvokeAsync(HttpContext http)
    {
        if (_token is null || http.Request.Path.Equals("/health", StringComparison.OrdinalIgnoreCase) || IsAuthorized(http.Request.Headers.Authorization.ToString()))
        {
            await next(http);
            return;
        }

        http.Response.Headers.WWWAuthenticate = "Basic realm=\"pipeline\", Bearer";
        await MlflowErrorMiddleware.WriteErrorAsync(http, "UNAUTHENTICATED", "You are not authenticated. Please see the server's --auth-token option.", StatusCodes.Status401Unauthorized);
    }

    private bool IsAuthorized(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Matches(header["Bearer ".Length..].Trim());
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = decoded.IndexOf(':');
            return colon >= 0 && Matches(decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _token);
}
