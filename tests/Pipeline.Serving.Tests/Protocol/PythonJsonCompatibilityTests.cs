using System.IO.Compression;
using System.Net;
using System.Text;
using Pipeline.Serving.Protocol;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>
/// Requests MLflow's server reads because it parses with Python's <c>json.loads</c> and pandas: non-finite
/// tokens, repeated keys (last wins), explicit nulls for optional split fields, params it ignores; and request
/// encodings it cannot read, which get a clear 415 here.
/// </summary>
public sealed class PythonJsonCompatibilityTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ScoringTestServer Server => fixture.Server;

    [Fact]
    public async Task Invocations_NaNAndInfinityTokens_AreReadAsNonFiniteDoubles()
    {
        // Threshold 10: NaN compares false, +inf true, -inf false.
        var (status, answer) = await Server.ScoreAsync("""{"inputs": {"x": [NaN, Infinity, -Infinity], "n": [1, 1, 1]}}""");

        Assert.Equal(200, status);
        Assert.Equal("[false,true,false]", answer.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Invocations_NaNTokenInIntegerColumn_Answers400NamingTheColumn()
    {
        var (status, answer) = await Server.ScoreAsync("""{"dataframe_split": {"columns": ["x", "n"], "data": [[1, NaN]]}}""");

        Assert.Equal(400, status);
        Assert.Contains("Failed to convert column n to type 'int64'", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a": "NaN Infinity -Infinity \"NaN\\\\", "b": [NaN]}""", """{"a": "NaN Infinity -Infinity \"NaN\\\\", "b": ["NaN"]}""")]
    [InlineData("""[-Infinity,Infinity , NaN]""", """["-Infinity","Infinity" , "NaN"]""")]
    [InlineData("""{"NaN": 1}""", """{"NaN": 1}""")]
    public void NonFiniteLiterals_OutsideStringsOnly_AreQuoted(string body, string expected)
    {
        var rewritten = JsonNonFiniteLiterals.Rewrite(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, Encoding.UTF8.GetString(rewritten.Span));
    }

    [Theory]
    [InlineData("""{"inputs": {"x": [1], "n": [1], "x": [20]}}""")]
    [InlineData("""{"instances": [{"x": 1, "n": 1, "x": 20}]}""")]
    [InlineData("""{"dataframe_records": [{"x": 1, "n": 1, "x": 20}]}""")]
    public async Task Invocations_RepeatedKey_LastValueWinsAsInPython(string body)
    {
        var (status, answer) = await Server.ScoreAsync(body);

        Assert.Equal(200, status);
        Assert.Equal("[true]", answer.GetProperty("predictions").GetRawText());
    }

    [Theory]
    [InlineData("""{"dataframe_split": {"columns": ["x", "n"], "data": [[20, 1]], "index": null}}""", 200)]
    [InlineData("""{"dataframe_split": {"columns": null, "data": [[20, 1]]}}""", 400)]
    public async Task Invocations_SplitWithNullIndexOrColumns_TreatsThemAsAbsent(string body, int expected)
    {
        var (status, answer) = await Server.ScoreAsync(body);

        Assert.Equal(expected, status);
        if (expected == 400)
        {
            // No column names: pandas numbers the columns, so the named inputs are missing (not a malformed split).
            Assert.Equal("INVALID_PARAMETER_VALUE", answer.GetProperty("error_code").GetString());
        }
    }

    [Fact]
    public async Task Invocations_UnknownParamsOfAnyShape_AreIgnored()
    {
        var (status, answer) = await Server.ScoreAsync(
            """{"inputs": {"x": [20], "n": [1]}, "params": {"deep": {"a": [1]}, "huge": 1e400, "grid": [[1, 2]], "predict_proba": false}}""");

        Assert.Equal(200, status);
        Assert.Equal("[true]", answer.GetProperty("predictions").GetRawText());
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("identity, deflate")]
    public async Task Invocations_CompressedBody_Answers415NamingTheEncoding(string encoding)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("""{"inputs": {"x": [1], "n": [1]}}"""u8);
        }

        using var content = new ByteArrayContent(compressed.ToArray());
        content.Headers.ContentType = new("application/json");
        content.Headers.TryAddWithoutValidation("Content-Encoding", encoding);

        using var response = await Server.Client.PostAsync("/invocations", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("\"error_code\":\"BAD_REQUEST\"", text, StringComparison.Ordinal);
        Assert.Contains($"Content-Encoding '{encoding.Split(", ")[^1]}' is not supported", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_IdentityContentEncoding_IsScored()
    {
        using var content = new StringContent("""{"inputs": {"x": [1], "n": [1]}}""", Encoding.UTF8, "application/json");
        content.Headers.ContentEncoding.Add("identity");

        using var response = await Server.Client.PostAsync("/invocations", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
