using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Tests.Search;

public sealed class PageTokenTests
{
    [Fact]
    public void Encode_Offset_MatchesMlflowBytes() =>
        // base64 of {"offset": 1000}, as MLflow's create_page_token writes it.
        Assert.Equal("eyJvZmZzZXQiOiAxMDAwfQ==", PageToken.Encode(1000));

    [Theory]
    [InlineData(1)]
    [InlineData(50000)]
    public void Decode_EncodedOffset_RoundTrips(int offset) => Assert.Equal(offset, PageToken.Decode(PageToken.Encode(offset)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Decode_NoToken_IsZero(string? token) => Assert.Equal(0, PageToken.Decode(token));

    [Fact]
    public void Decode_OffsetAsString_IsAccepted() => Assert.Equal(12, PageToken.Decode("eyJvZmZzZXQiOiAiMTIifQ=="));

    [Theory]
    [InlineData("not base64!!", "could not base64-decode")]
    [InlineData("bm9wZQ==", "not JSON")]                   // nope
    [InlineData("e30=", "no positive integer 'offset'")]   // {}
    [InlineData("eyJvZmZzZXQiOiAwfQ==", "no positive integer 'offset'")] // {"offset": 0}
    [InlineData("eyJvZmZzZXQiOiAtM30=", "no positive integer 'offset'")] // {"offset": -3}
    [InlineData("WzFd", "no positive integer 'offset'")]   // [1]
    public void Decode_InvalidToken_ThrowsInvalidParameterValue(string token, string fragment)
    {
        var error = Assert.Throws<TrackingException>(() => PageToken.Decode(token));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(fragment, error.Message);
    }
}
