using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Pipeline.Server.Api;

namespace Pipeline.Server.Tests.Api;

public sealed class RequestArgsTests
{
    /// <summary>
    /// Kestrel hands a request's body in pooled buffers that go back to the pool (and to another connection) as soon as
    /// they are consumed. Parsed in place, a body read under load turned into another request's bytes ("Missing value for
    /// required parameter 'name'" once in CI). The pool here scribbles over every buffer it gets back.
    /// </summary>
    [Fact]
    public async Task ReadAsync_BodyBufferReusedAfterReading_ParametersStayTheRequests()
    {
        var pipe = new Pipe(new PipeOptions(pool: new ScribblingPool(), minimumSegmentSize: 4096));
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("""{"name":"fraud-model","source":"s3://bucket/model"}"""));
        await pipe.Writer.CompleteAsync();
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(pipe.Reader));

        using var args = await RequestArgs.ReadAsync(http);

        Assert.Equal("fraud-model", args.Required("name"));
        Assert.Equal("s3://bucket/model", args.Required("source"));
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }

    private sealed class ScribblingPool : MemoryPool<byte>
    {
        public override int MaxBufferSize => int.MaxValue;

        public override IMemoryOwner<byte> Rent(int minBufferSize = -1) => new Owner(new byte[Math.Max(minBufferSize, 4096)]);

        protected override void Dispose(bool disposing)
        {
        }

        private sealed class Owner(byte[] array) : IMemoryOwner<byte>
        {
            public Memory<byte> Memory => array;

            // What another connection would write into the returned buffer.
            public void Dispose() => array.AsSpan().Fill((byte)'x');
        }
    }
}
