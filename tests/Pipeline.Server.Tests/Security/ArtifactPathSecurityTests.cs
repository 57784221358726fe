using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Server.Tests.Security;

/// <summary>
/// Issue 10 §1: traversal through every artifact path a client sends (list, dashboard download, run page folder, the
/// proxy), in every encoding, and through symbolic links inside a run's folder; the proxy's single percent-decoding;
/// the upload size limit.
/// </summary>
public sealed class ArtifactPathSecurityTests(ConfinedServerFixture server) : IClassFixture<ConfinedServerFixture>
{
    private const string Proxy = "api/2.0/mlflow-artifacts/artifacts";

    // Each is sent as written in the query string (already URL-encoded where it has a '%').
    public static TheoryData<string> TraversalPaths => new()
    {
        "../../../../outside/passwd",
        "..%2F..%2F..%2F..%2Foutside%2Fpasswd",
        "%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside/passwd",
        "%252e%252e/%252e%252e/%252e%252e/%252e%252e/outside/passwd",
        "..%5C..%5C..%5C..%5Coutside%5Cpasswd",
        "%2Foutside%2Fpasswd",
        "%EF%BC%8E%EF%BC%8E/%EF%BC%8E%EF%BC%8E/outside/passwd",
        "a/%00/../passwd",
        "link-out/passwd",
        "link-out",
    };

    private async Task<string> NewRunWithLinkAsync()
    {
        var exp = await server.Store.CreateExperimentAsync($"p-{Guid.NewGuid():N}", null, []);
        var run = await server.Store.CreateRunAsync(exp, "u", 0, [], null);
        // mlflow-artifacts:/<exp>/<run>/artifacts lives under the destination; plant a link to the outside in it.
        var folder = Path.Join(server.Destination, exp, run.Info.RunId, "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Join(folder, "ok.txt"), "fine");
        File.CreateSymbolicLink(Path.Join(folder, "link-out"), server.Outside);
        return run.Info.RunId;
    }

    [Theory]
    [MemberData(nameof(TraversalPaths))]
    public async Task TraversalInArtifactPath_ListDownloadAndPage_NeverLeakOutside(string path)
    {
        var run = await NewRunWithLinkAsync();

        using var list = await server.Http.GetAsync($"api/2.0/mlflow/artifacts/list?run_id={run}&path={path}");
        using var file = await server.Http.GetAsync($"runs/{run}/artifact?path={path}");
        using var page = await server.Http.GetAsync($"runs/{run}?path={path}");
        using var proxied = await server.Http.GetAsync($"{Proxy}?path={path}");

        foreach (var response in new[] { list, file, page, proxied })
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(ConfinedServerFixture.Secret, text);
            Assert.DoesNotContain("\"passwd\"", text);
            Assert.True((int)response.StatusCode < 500, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}: {text}");
        }

        Assert.False(file.IsSuccessStatusCode, await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LinkInsideRunFolder_LeftOutOfListing_NormalFileStillServed()
    {
        var run = await NewRunWithLinkAsync();

        var listed = await server.Http.GetStringAsync($"api/2.0/mlflow/artifacts/list?run_id={run}");

        Assert.Contains("ok.txt", listed);
        Assert.DoesNotContain("link-out", listed);
        Assert.Equal("fine", await server.Http.GetStringAsync($"runs/{run}/artifact?path=ok.txt"));
    }

    [Theory]
    [InlineData("..%2F..%2Foutside%2Fpasswd")]
    [InlineData("%2e%2e/%2e%2e/outside/passwd")]
    [InlineData("%252e%252e%252f%252e%252e%252foutside%252fpasswd")]
    [InlineData("..%5C..%5Coutside%5Cpasswd")]
    [InlineData("%EF%BC%8E%EF%BC%8E/outside/passwd")]
    public async Task ProxyTraversal_RawRequest_NeverReadsOrWritesOutside(string path)
    {
        var get = await RawAsync("GET", $"/{Proxy}/{path}", null);
        var put = await RawAsync("PUT", $"/{Proxy}/{path}", "overwritten");

        Assert.DoesNotContain(ConfinedServerFixture.Secret, get);
        Assert.Equal(ConfinedServerFixture.Secret, await File.ReadAllTextAsync(Path.Join(server.Outside, "passwd")));
        Assert.DoesNotMatch("^HTTP/1.1 5", get);
        Assert.DoesNotMatch("^HTTP/1.1 5", put);
    }

    [Fact]
    public async Task ProxyPercentEscapes_DecodedOnce_NoCollision()
    {
        var folder = $"dec-{Guid.NewGuid():N}";

        var first = await RawAsync("PUT", $"/{Proxy}/{folder}/a%2541.txt", "percent");
        var second = await RawAsync("PUT", $"/{Proxy}/{folder}/a%41.txt", "letter");
        var back = await RawAsync("GET", $"/{Proxy}/{folder}/a%2541.txt", null);

        Assert.StartsWith("HTTP/1.1 200", first);
        Assert.StartsWith("HTTP/1.1 200", second);
        Assert.Equal("percent", await File.ReadAllTextAsync(Path.Join(server.Destination, folder, "a%41.txt")));
        Assert.Equal("letter", await File.ReadAllTextAsync(Path.Join(server.Destination, folder, "aA.txt")));
        Assert.EndsWith("\r\n\r\npercent", back);
    }

    [Fact]
    public async Task ProxyEncodedSlash_IsASeparator()
    {
        var folder = $"slash-{Guid.NewGuid():N}";

        var put = await RawAsync("PUT", $"/{Proxy}/{folder}%2Fsub%2Fb.txt", "nested");

        Assert.StartsWith("HTTP/1.1 200", put);
        Assert.Equal("nested", await File.ReadAllTextAsync(Path.Join(server.Destination, folder, "sub", "b.txt")));
    }

    [Fact]
    public async Task UploadOverLimit_WithContentLength_413WithLimitInMessage_NothingWritten()
    {
        var folder = $"big-{Guid.NewGuid():N}";
        using var content = new ByteArrayContent(new byte[ConfinedServerFixture.UploadLimit + 1]);

        using var put = await server.Http.PutAsync($"{Proxy}/{folder}/big.bin", content);
        var body = await put.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Contains("\"error_code\":\"RESOURCE_EXHAUSTED\"", body);
        Assert.Contains($"({ConfinedServerFixture.UploadLimit} bytes, --max-artifact-upload-size)", body);
        Assert.False(Directory.Exists(Path.Join(server.Destination, folder)) && Directory.EnumerateFileSystemEntries(Path.Join(server.Destination, folder)).Any());
    }

    [Fact]
    public async Task UploadOverLimit_Chunked_413_NoPartialOrTempFileLeft()
    {
        var folder = $"chunked-{Guid.NewGuid():N}";
        using var content = new StreamContent(new MemoryStream(new byte[ConfinedServerFixture.UploadLimit * 4]));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{Proxy}/{folder}/big.bin") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var put = await server.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Contains("RESOURCE_EXHAUSTED", await put.Content.ReadAsStringAsync());
        var left = Directory.Exists(Path.Join(server.Destination, folder)) ? Directory.GetFiles(Path.Join(server.Destination, folder)) : [];
        Assert.Empty(left);
    }

    [Fact]
    public async Task UploadAtLimit_Accepted()
    {
        var folder = $"fits-{Guid.NewGuid():N}";

        using var put = await server.Http.PutAsync($"{Proxy}/{folder}/fits.bin", new ByteArrayContent(new byte[ConfinedServerFixture.UploadLimit]));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(ConfinedServerFixture.UploadLimit, new FileInfo(Path.Join(server.Destination, folder, "fits.bin")).Length);
    }

    /// <summary>One request sent byte for byte (HttpClient would normalise escapes and dot segments); the whole answer.</summary>
    private async Task<string> RawAsync(string method, string target, string? body)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host.BaseUri.Host, server.Host.BaseUri.Port);
        await using var stream = client.GetStream();
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = $"{method} {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {bytes.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(bytes);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
