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
        var id = given.Length == 0 ? New() : given.Length > MaxLength ? given[..MaxLength] : given;
        context.Response.Headers[Header] = id;
        return id;
    }

    /// <summary>
    /// A new id: 32 lowercase hex digits, as <c>Guid.NewGuid().ToString("N")</c> gives, from the thread's random generator
    /// (seeded once from the operating system). <c>Guid.NewGuid</c> reads <c>/dev/urandom</c> on every call on Linux: that
    /// system call was 3% of a logging server's CPU at 1-row load (bench/serving.sh).
    /// </summary>
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
