using System.Text;
using System.Text.Json;
using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>
/// Mangled requests (every prefix of valid bodies, seeded byte mutations, odd shapes) must each get a 2xx or a 4xx
/// with an MLflow error body; a 500 would mean client input reached a server bug.
/// </summary>
public sealed class FuzzTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string JsonAlphabet = "{}[],:\"0-.e9xnul\\ \u00ff";
    private const string CsvAlphabet = ",\"\n\r x1.-e";

    private static readonly string[] Seeds =
    [
        """{"dataframe_split": {"columns": ["x", "n", "f", "i", "flag", "tag"], "data": [[1.5, 2, 0.5, 3, true, "a"]]}, "params": {"predict_proba": true}}""",
        """{"dataframe_records": [{"x": 1, "n": 2, "tag": null}, {"x": -1e5, "n": -9}]}""",
        """{"instances": [{"x": 1, "n": 2}], "inputs": {"x": [1]}}""",
        """{"inputs": {"x": [1.0, 2], "n": [3, 4], "i": [5, null]}}""",
    ];

    private static readonly string[] Shapes =
    [
        "null", "true", "0", "-0.0e-0", "\"\"", "{\"inputs\": null}", "{\"inputs\": []}", "{\"inputs\": {}}", "{\"inputs\": [[]]}",
        "{\"instances\": [{}]}", "{\"instances\": [[], []]}", "{\"instances\": [{\"x\": 1, \"n\": 1}, 3]}", "{\"inputs\": [1, {\"x\": 1}]}",
        "{\"inputs\": [[1, 2], 3]}", "{\"dataframe_split\": {\"data\": null}}", "{\"dataframe_split\": {\"data\": [[]]}}",
        "{\"dataframe_split\": {\"columns\": [null], \"data\": [[1]]}}", "{\"dataframe_split\": {\"columns\": \"x\", \"data\": [[1]]}}",
        "{\"dataframe_records\": [[1, 2]]}", "{\"dataframe_records\": []}", "{\"params\": {}}", "{\"inputs\": \"x\"}",
        "{\"inputs\": {\"x\": [1], \"n\": [1]}, \"params\": {\"predict_proba\": null}}", "{\"inputs\": {\"x\": [\"NaN\"], \"n\": [\"-0\"]}}",
        "{\"inputs\": {\"x\": [1], \"n\": [-9223372036854775809]}}", "{\"inputs\": {\"x\": [1], \"n\": [1], \"f\": [\"Infinity\"]}}",
        "\u0000", "{\"inputs\": {\"\\ud800\": [1]}}", "{\"a\":" + new string('[', 70) + new string(']', 70) + "}",
    ];

    private ScoringTestServer Server => fixture.Server;

    [Fact]
    public async Task Invocations_MangledJson_NeverAnswers500()
    {
        var random = new Random(20240611);
        var bodies = new List<byte[]>();
        foreach (var seed in Seeds)
        {
            var bytes = Encoding.UTF8.GetBytes(seed);
            bodies.AddRange(Enumerable.Range(0, bytes.Length).Where(n => n % 3 == 0).Select(n => bytes[..n]));
            for (var i = 0; i < 40; i++)
            {
                var mutated = (byte[])bytes.Clone();
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)JsonAlphabet[random.Next(JsonAlphabet.Length)];
                }

                bodies.Add(mutated);
            }
        }

        bodies.AddRange(Shapes.Select(Encoding.UTF8.GetBytes));

        foreach (var body in bodies)
        {
            await AssertAnsweredWithoutFault(body, "application/json");
        }
    }

    [Fact]
    public async Task Invocations_MangledCsv_NeverAnswers500()
    {
        var random = new Random(7);
        var seed = Encoding.UTF8.GetBytes("x,n,f,i,flag,tag\n1.5,2,0.5,3,True,\"a,b\"\n-1,0,,,,\n");
        for (var i = 0; i < 150; i++)
        {
            var mutated = (byte[])seed.Clone();
            mutated[random.Next(mutated.Length)] = (byte)CsvAlphabet[random.Next(CsvAlphabet.Length)];
            await AssertAnsweredWithoutFault(i % 2 == 0 ? mutated : mutated[..random.Next(mutated.Length)], "text/csv");
        }
    }

    private async Task AssertAnsweredWithoutFault(byte[] body, string contentType)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new(contentType);
        using var response = await Server.Client.PostAsync("/invocations", content);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        Assert.True(status is 200 or 400, $"{status} for {Encoding.UTF8.GetString(body)}: {text}");
        using var answer = JsonDocument.Parse(text);
        Assert.True(
            status == 200 ? answer.RootElement.TryGetProperty("predictions", out _) : answer.RootElement.TryGetProperty("error_code", out _),
            text);
    }
}
