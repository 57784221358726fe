using System.Text;
using Pipeline.Tracking.Stores;

namespace Pipeline.Tracking.Tests.Stores;

public sealed class SearchPageTokenTests
{
    [Fact]
    public void Create_IsBase64OfMlflowOffsetJson() =>
        Assert.Equal("{\"offset\": 1000}", Encoding.UTF8.GetString(Convert.FromBase64String(SearchPageToken.Create(1000))));

    [Fact]
    public void ParseOffset_RoundTripsAndNullIsZero()
    {
        Assert.Equal(42, SearchPageToken.ParseOffset(SearchPageToken.Create(42)));
        Assert.Equal(0, SearchPageToken.ParseOffset(null));
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("eyJmb28iOiAxfQ==")] // {"foo": 1}
    public void ParseOffset_Malformed_InvalidParameterValue(string token) =>
        Assert.Equal(ErrorCode.InvalidParameterValue, Assert.Throws<TrackingException>(() => SearchPageToken.ParseOffset(token)).Code);
}
