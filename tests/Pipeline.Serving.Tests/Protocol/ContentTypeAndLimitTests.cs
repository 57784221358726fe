using System.Net;
using System.Text;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>415 for content types MLflow does not read, 413 for bodies over the limit (64 KiB in the fixture).</summary>
public sealed class ContentTypeAndLimitTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Valid = """{"inputs": {"x": [1], "n": [1]}}""";

    private ScoringTestServer Server => fixture.Server;

    [Theory]
    [InlineData("text/plain", "This predictor only supports the following content types: Types: ['text/csv', 'application/json']. Got 'text/plain'.")]
    [InlineData("application/xml", "Got 'application/xml'")]
    [InlineData("application/json; charset=latin-1", "The scoring server only supports UTF-8")]
    [InlineData("application/json; format=pandas-split", "Unrecognized content type parameters: format.")]
    [InlineData(null, "Got ''")]
    public async Task Invocations_UnsupportedContentType_Answers415(string? contentType, string fragment)
    {
        using var response = await Server.PostAsync(Valid, contentType);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"error_code\":\"BAD_REQUEST\"", text, StringComparison.Ordinal);
        Assert.Contains(fragment, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON;charset=\"UTF-8\"")]
    public async Task Invocations_JsonWithUtf8Charset_IsAccepted(string contentType)
    {
        using var response = await Server.PostAsync(Valid, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invocations_BodyOverLimit_Answers413()
    {
        var body = BigBody(70 * 1024);

        using var response = await Server.PostJsonAsync(body);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the server's limit of 65536 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_ChunkedBodyOverLimit_Answers413()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(BigBody(70 * 1024))));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Invocations_BodyJustUnderLimit_IsScored()
    {
        var body = BigBody(60 * 1024);

        using var response = await Server.PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string BigBody(int bytes)
    {
        var rows = new StringBuilder("""{"dataframe_split": {"columns": ["x", "n"], "data": [[1, 1]""");
        while (rows.Length < bytes - 10)
        {
            rows.Append(", [1.25, 2]");
        }

        return rows.Append("]}}").ToString();
    }
}
