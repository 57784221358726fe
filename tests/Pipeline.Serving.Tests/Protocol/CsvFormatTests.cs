using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>text/csv requests as pandas' DataFrame.to_csv() writes them.</summary>
public sealed class CsvFormatTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ScoringTestServer Server => fixture.Server;

    [Theory]
    [InlineData("x,n\n1.5,2\n9.5,3\n")]
    [InlineData("x,n\r\n1.5,2\r\n9.5,3")]
    [InlineData(",x,n\n0,1.5,2\n1,9.5,3\n")] // to_csv() with its index column
    [InlineData("\"n\",\"x\",note\n2,1.5,\"a, \"\"quoted\"\"\nline\"\n\n3,9.5,b\n")]
    [InlineData("\uFEFFx,n,tag\n1.5,2,\n9.5,3,t\n")]
    public async Task Invocations_Csv_PredictsPerRow(string csv)
    {
        var (status, answer) = await Server.ScoreAsync(csv, "text/csv");

        Assert.Equal(200, status);
        Assert.Equal("[false,true]", answer.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Invocations_CsvWithCharset_IsAccepted()
    {
        var (status, answer) = await Server.ScoreAsync("x,n,flag,f,i\n1,2,True,0.25,-1\n", "text/csv; charset=UTF-8");

        Assert.Equal(200, status);
        Assert.Equal("[false]", answer.GetProperty("predictions").GetRawText());
    }
}
