using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Server.Tests.Infrastructure;
using Pipeline.Tracking;
using Pipeline.Tracking.Artifacts;

namespace Pipeline.Server.Tests.Artifacts;

public sealed class ArtifactProxyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Proxy = "api/2.0/mlflow-artifacts/artifacts";

    [Fact]
    public async Task UploadDownloadListDelete_RoundTripThroughTheDestination()
    {
        var folder = "up-" + Guid.NewGuid().ToString("N");
        var bytes = Encoding.UTF8.GetBytes("hello artifacts");

        using (var put = await server.Http.PutAsync($"{Proxy}/{folder}/dir/a.txt", new ByteArrayContent(bytes)))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(server.ArtifactsDestination, folder, "dir", "a.txt")));
        Assert.Equal(bytes, await server.Http.GetByteArrayAsync($"{Proxy}/{folder}/dir/a.txt"));
        Assert.Equal("""{"files":[{"path":"a.txt","is_dir":false,"file_size":15}]}""", await server.Http.GetStringAsync($"{Proxy}?path={folder}/dir"));
        using (var delete = await server.Http.DeleteAsync($"{Proxy}/{folder}/dir"))
            Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        using var gone = await server.Http.GetAsync($"{Proxy}/{folder}/dir/a.txt");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("a%2F..%2F..%2Fsecret")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task EncodedTraversal_Refused400(string path)
    {
        using var get = await server.Http.GetAsync($"{Proxy}/{path}");
        using var put = await server.Http.PutAsync($"{Proxy}/{path}", new ByteArrayContent([1]));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (get.StatusCode, put.StatusCode));
        Assert.Contains("INVALID_PARAMETER_VALUE", await put.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ListWithTraversal_AndDeleteOfRoot_Refused400()
    {
        using var list = await server.Http.GetAsync($"{Proxy}?path=../x");
        using var deleteRoot = await server.Http.DeleteAsync($"{Proxy}/");

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deleteRoot.StatusCode);
    }

    [Fact]
    public async Task RawDotDotSegments_NeverReachOutsideTheDestination()
    {
        // Sent byte for byte (HttpClient would normalise the path): the server normalises or refuses, never serves /etc/passwd.
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host.BaseUri.Host, server.Host.BaseUri.Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /{Proxy}/../../../../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.DoesNotContain("root:", answer);
        Assert.Matches("^HTTP/1.1 (400|404)", answer);
    }

    [Fact]
    public async Task HttpArtifactRepository_RegisteredScheme_WritesListsReadsDownloadsDeletes()
    {
        var registry = new ArtifactRepositoryRegistry().AddMlflowArtifacts(server.Host.BaseUri, server.Http);
        var repo = registry.Open($"mlflow-artifacts:/client-{Guid.NewGuid():N}/artifacts");
        using var local = new Pipeline.Tracking.Tests.Stores.Infrastructure.TempDirectory();

        var written = await repo.WriteAsync("model/MLmodel", new MemoryStream(Encoding.UTF8.GetBytes("flavors: {}")));
        await repo.WriteAsync("model/data/w.bin", new MemoryStream([9, 9]));

        Assert.Equal(("model/MLmodel", 11L), (written.Path, written.Size));
        Assert.Equal(64, written.Sha256.Length);
        Assert.Equal([new ArtifactEntry("model/MLmodel", false, 11), new ArtifactEntry("model/data", true, null)],
            (await repo.ListAsync("model")).OrderByDescending(e => e.IsDir ? 0 : 1));
        using (var reader = new StreamReader(await repo.OpenReadAsync("model/MLmodel")))
            Assert.Equal("flavors: {}", await reader.ReadToEndAsync());
        var downloaded = await repo.DownloadAsync("model", local.Path);
        Assert.Equal([9, 9], await File.ReadAllBytesAsync(Path.Combine(downloaded, "data", "w.bin")));
        await repo.DeleteAsync("model");
        var missing = await Assert.ThrowsAsync<TrackingException>(() => repo.OpenReadAsync("model/MLmodel"));
        Assert.Equal(ErrorCode.ResourceDoesNotExist, missing.Code);
        var unsafePath = await Assert.ThrowsAsync<TrackingException>(() => repo.WriteAsync("../escape", new MemoryStream([1])));
        Assert.Equal(ErrorCode.InvalidParameterValue, unsafePath.Code);
    }
}
