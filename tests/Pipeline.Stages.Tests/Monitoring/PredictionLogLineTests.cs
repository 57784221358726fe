using Pipeline.Ml.Data;
using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class PredictionLogLineTests
{
    [Fact]
    public void Parse_AnsweredRow_ReadsIdRowVersionRoleAndPrediction()
    {
        var line = PredictionLogLine.Parse(
            """{"request_id":"a","row":1,"time":"t","model":"m","model_version":"3","role":"challenger","inputs":{"x":1},"prediction":1,"latency_ms":2,"status":200}""", "f", 1);

        Assert.Equal(new LoggedPrediction("a", 1, "3", "challenger", "1", null), line);
    }

    [Fact]
    public void Parse_Probabilities_AreKeptInClassOrder()
    {
        var line = PredictionLogLine.Parse("""{"request_id":"a","row":0,"model_version":"3","probabilities":[0.25,0.75],"status":200}""", "f", 1);

        Assert.Equal([0.25, 0.75], line!.Probabilities!);
        Assert.Null(line.Prediction);
    }

    [Fact]
    public void Parse_RefusedRequest_IsNoRow()
    {
        Assert.Null(PredictionLogLine.Parse("""{"request_id":"a","model_version":"3","status":400,"error_code":"BAD_REQUEST"}""", "f", 1));
    }

    [Fact]
    public void Parse_NotJson_ErrorNamesFileAndLine()
    {
        var error = Assert.Throws<DataFormatException>(() => PredictionLogLine.Parse("{oops", "log.jsonl", 7));

        Assert.Equal(7, error.Line);
        Assert.Contains("log.jsonl", error.Message);
    }
}
