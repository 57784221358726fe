using Microsoft.AspNetCore.Http;

namespace Pipeline.Serving.Hosting;

/// <summary>
/// The request id the prediction log keys rows by: the caller's <c>X-Request-Id</c> (cut to 128 characters), else a new one;
/// echoed in the response's <c>X-Request-Id</c> so a caller can join labels to logged predictions later.
/// </summary>
internal static class RequestIds
{
    /// <summary>The header carrying the id both ways.</summary>
    public const string Header = "X-Request-Id";

    private const int MaxLength = 128;

    public static string Ensure(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString().Trim();
        var id = given.Length == 0 ? Guid.NewGuid().ToString("N") : given.Length > MaxLength ? given[..MaxLength] : given;
        context.Response.Headers[Header] = id;
        return id;
    }
}
