using System.Globalization;
using Pipeline.Serving.Tests.Infrastructure;
using Pipeline.Serving.Tests.TestModels;

namespace Pipeline.Serving.Tests.Hosting;

/// <summary>Many clients at once: every answer is the right one and no engine is ever shared.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Invocations_32ClientsX50Requests_AllAnswersCorrectAndEnginesNeverShared()
    {
        using var model = new SumThresholdTestModel(SumThresholdTestModel.DefaultSchema, poolSize: 4);
        await using var server = await ScoringTestServer.StartAsync(model);

        var failures = await Task.WhenAll(Enumerable.Range(0, 32).Select(client => Task.Run(async () =>
        {
            var wrong = new List<string>();
            for (var request = 0; request < 50; request++)
            {
                // Row sums straddle the threshold 10 differently for every client and request.
                var x = (client * 50 + request) % 17;
                var body = string.Create(CultureInfo.InvariantCulture, $$$"""{"dataframe_split": {"columns": ["x", "n"], "data": [[{{{x}}}.5, 1], [{{{x}}}, -5]]}}""");
                var expected = $"[{(x + 1.5 > 10 ? "true" : "false")},{(x - 5 > 10 ? "true" : "false")}]";
                var (status, answer) = await server.ScoreAsync(body);
                var got = status == 200 ? answer.GetProperty("predictions").GetRawText() : $"{status} {answer}";
                if (got != expected)
                {
                    wrong.Add($"client {client} request {request}: {got}, expected {expected}");
                }
            }

            return wrong;
        })));

        Assert.Empty(failures.SelectMany(f => f));
        Assert.Equal(0, model.Counters.SharedUses);
        Assert.InRange(model.Counters.Created, 1, 32);
    }
}
