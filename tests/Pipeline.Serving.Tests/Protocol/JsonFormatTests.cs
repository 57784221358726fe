using System.Text.Json;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>Every JSON request format MLflow's scoring server reads, over a real socket.</summary>
public sealed class JsonFormatTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private ScoringTestServer Server => fixture.Server;

    [Theory]
    [InlineData("""{"dataframe_split": {"columns": ["x", "n"], "data": [[1.5, 2], [9.5, 3]]}}""")]
    [InlineData("""{"dataframe_split": {"index": [7, 8], "columns": ["n", "x", "extra"], "data": [[2, 1.5, "z"], [3, 9.5, "z"]]}}""")]
    [InlineData("""{"dataframe_records": [{"x": 1.5, "n": 2}, {"n": 3, "x": 9.5, "ignored": [1, 2]}]}""")]
    [InlineData("""{"instances": [{"x": 1.5, "n": 2}, {"x": 9.5, "n": 3}]}""")]
    [InlineData("""{"instances": {"x": [1.5, 9.5], "n": [2, 3]}}""")]
    [InlineData("""{"inputs": {"x": [1.5, 9.5], "n": [2, 3]}}""")]
    [InlineData("""{"inputs": [{"x": 1.5, "n": 2}, {"x": 9.5, "n": 3}]}""")]
    [InlineData("""{"dataframe_split": {"columns": ["x", "n"], "data": [[1.5, 2], [9.5, 3]]}, "unrelated": {"a": 1}}""")]
    [InlineData("""{"dataframe_split": {"columns": ["x", "n"], "data": [["1.5", "2"], [9.5, 3.0]]}}""")]
    public async Task Invocations_EachFormat_PredictsPerRow(string body)
    {
        var (status, answer) = await Server.ScoreAsync(body);

        Assert.Equal(200, status);
        Assert.Equal("""{"predictions":[false,true]}""", answer.GetRawText());
    }

    [Fact]
    public async Task Invocations_InputsScalarDictionary_IsOneRow()
    {
        var (status, answer) = await Server.ScoreAsync("""{"inputs": {"x": 20.0, "n": 1}}""");

        Assert.Equal(200, status);
        Assert.Equal("[true]", answer.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Invocations_OptionalColumns_AreUsedWhenGivenAndNullable()
    {
        var body = """
            {"dataframe_records": [
              {"x": 1, "n": 2, "f": 0.5, "i": 3, "flag": true, "tag": "a"},
              {"x": 1, "n": 2, "f": null, "i": 8, "flag": false, "tag": null},
              {"x": 1, "n": 2}
            ]}
            """;

        var (status, answer) = await Server.ScoreAsync(body);

        // sums: 7.5, 11, 3 against threshold 10
        Assert.Equal(200, status);
        Assert.Equal("[false,true,false]", answer.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Invocations_EmptyData_AnswersEmptyPredictions()
    {
        var (status, answer) = await Server.ScoreAsync("""{"dataframe_split": {"columns": ["x", "n"], "data": []}}""");

        Assert.Equal(200, status);
        Assert.Equal("[]", answer.GetProperty("predictions").GetRawText());
    }

    [Fact]
    public async Task Invocations_PredictProbaParam_AnswersClassProbabilities()
    {
        var body = """{"dataframe_split": {"columns": ["x", "n"], "data": [[4, 6], [8, 4]]}, "params": {"predict_proba": true, "other": [1, "a"]}}""";

        var (status, answer) = await Server.ScoreAsync(body);

        Assert.Equal(200, status);
        var rows = answer.GetProperty("predictions").EnumerateArray().Select(r => r.EnumerateArray().Select(p => p.GetDouble()).ToArray()).ToArray();
        Assert.Equal([0.5, 0.5], rows[0]);
        var p = TestModels.SumThresholdTestModel.Logistic(2);
        Assert.Equal(1 - p, rows[1][0], 12);
        Assert.Equal(p, rows[1][1], 12);
    }

    [Fact]
    public async Task Invocations_PredictProbaFalseOrNullParams_AnswersLabels()
    {
        var (s1, a1) = await Server.ScoreAsync("""{"inputs": {"x": [20], "n": [1]}, "params": {"predict_proba": false}}""");
        var (s2, a2) = await Server.ScoreAsync("""{"inputs": {"x": [20], "n": [1]}, "params": null}""");

        Assert.Equal((200, "[true]"), (s1, a1.GetProperty("predictions").GetRawText()));
        Assert.Equal((200, "[true]"), (s2, a2.GetProperty("predictions").GetRawText()));
    }

    [Fact]
    public async Task Invocations_Success_AnswersApplicationJson()
    {
        using var response = await Server.PostJsonAsync("""{"inputs": {"x": [1], "n": [1]}}""");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["predictions"], document.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
