using Pipeline.Serving.Tests.Infrastructure;

namespace Pipeline.Serving.Tests.Protocol;

/// <summary>Each way a request can be wrong: status, MLflow error code and a fragment of the message.</summary>
public sealed class BadRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Bad = "BAD_REQUEST";
    private const string Invalid = "INVALID_PARAMETER_VALUE";

    public static TheoryData<string, string, string> JsonCases => new()
    {
        { "", Bad, "Ensure that input is a valid JSON formatted string" },
        { """{"dataframe_split": """, Bad, "valid JSON" },
        { """{"a": 1,}""", Bad, "valid JSON" },
        { new string('[', 100) + new string(']', 100), Bad, "valid JSON" },
        { "[1, 2]", Bad, "Received a list." },
        { "\"text\"", Bad, "Received unexpected input type '<class 'str'>'" },
        { "{}", Bad, "exactly one of the input fields {'dataframe_split', 'dataframe_records', 'instances', 'inputs'}. Received dictionary with input fields: []" },
        { """{"data": [[1, 2]]}""", Bad, "Received dictionary with input fields: ['data']" },
        { """{"dataframe_split": {"data": []}, "instances": []}""", Bad, "input fields: ['dataframe_split', 'instances']" },
        { """{"dataframe_split": [[1, 2]]}""", Bad, "Dataframe split format must be a dictionary. Got list." },
        { """{"dataframe_split": {"columns": ["x", "n"]}}""", Bad, "must have 'data' field and optionally 'columns' and 'index' fields. Got {'columns'}" },
        { """{"dataframe_split": {"columns": ["x", "n"], "data": [[1, 2]], "rows": 1}}""", Bad, "Got {'columns', 'data', 'rows'}" },
        { """{"dataframe_split": {"columns": ["x", "n"], "data": [[1, 2], [3]]}}""", Bad, "row 1 has 1 values but there are 2 columns" },
        { """{"dataframe_split": {"columns": ["x", "n"], "data": [1, 2]}}""", Bad, "row 0 is <class 'int'>, not a list" },
        { """{"dataframe_split": {"columns": ["x", "x"], "data": [[1, 2]]}}""", Bad, "column 'x' appears more than once" },
        { """{"dataframe_split": {"columns": ["x", "n"], "data": [[1, 2]], "index": [0, 1]}}""", Bad, "'index' must be a list with one entry per row" },
        { """{"dataframe_records": {"x": 1}}""", Bad, "Dataframe records format must be a list of records. Got dictionary." },
        { """{"dataframe_records": [{"x": 1, "n": 1}, 5]}""", Bad, "record 1 is <class 'int'>" },
        { """{"instances": [{"x": 1, "n": 1}, {"x": 2}]}""", Bad, "The length of values for each input/column name are not the same" },
        { """{"instances": [[1, 2], [3]]}""", Bad, "The length of values for each input/column name are not the same" },
        { """{"inputs": {"x": [1, 2], "n": [1]}}""", Bad, "All arrays must be of the same length" },
        { """{"inputs": {"x": [1, 2], "n": 1}}""", Bad, "every column a list of values" },
        { """{"dataframe_records": [{"x": 1}]}""", Invalid, "Error: Model is missing inputs ['n']." },
        { """{"dataframe_split": {"columns": ["x", "m"], "data": [[1, 2]]}}""", Invalid, "Model is missing inputs ['n']. Note that there were extra inputs: ['m']" },
        { """{"dataframe_split": {"data": [[1, 2]]}}""", Invalid, "Model is missing inputs ['x', 'n']" },
        { """{"instances": [[1, 2]]}""", Invalid, "Model is missing inputs ['x', 'n']" },
        { """{"inputs": 5}""", Invalid, "with schema '['x': double (required), 'n': long (required), 'f': float (optional)" },
        { """{"inputs": {"x": [1], "n": [3.5]}}""", Bad, "Failed to convert column n to type 'int64'. Error: 'row 0: 3.5 (float) cannot be converted to int64 without loss'" },
        { """{"inputs": {"x": [1, "abc"], "n": [1, 2]}}""", Bad, "Failed to convert column x to type 'float64'. Error: 'row 1: 'abc' cannot be converted" },
        { """{"inputs": {"x": [null], "n": [1]}}""", Bad, "column x to type 'float64'. Error: 'row 0: missing value (null) in a required column'" },
        { """{"dataframe_records": [{"n": 1, "x": 1}, {"n": 1}, {"x": 1}]}""", Bad, "column x to type 'float64'. Error: 'row 1: missing value" },
        { """{"inputs": {"x": [true], "n": [1]}}""", Bad, "true (bool) cannot be converted to float64" },
        { """{"inputs": {"x": [1e400], "n": [1]}}""", Bad, "column x to type 'float64'" },
        { """{"inputs": {"x": [1], "n": [1e30]}}""", Bad, "column n to type 'int64'" },
        { """{"inputs": {"x": [1], "n": ["9223372036854775808"]}}""", Bad, "column n to type 'int64'" },
        { """{"inputs": {"x": [1], "n": [1], "i": [3000000000]}}""", Bad, "column i to type 'int32'" },
        { """{"inputs": {"x": [1], "n": [1], "f": [1e300]}}""", Bad, "column f to type 'float32'" },
        { """{"inputs": {"x": [1], "n": [1], "flag": [1]}}""", Bad, "column flag to type 'bool'" },
        { """{"inputs": {"x": [1], "n": [1], "flag": ["maybe"]}}""", Bad, "column flag to type 'bool'" },
        { """{"inputs": {"x": [1], "n": [1], "tag": [5]}}""", Bad, "column tag to type 'object'. Error: 'row 0: 5 (int) cannot be converted to object'" },
        { """{"inputs": {"x": [[1]], "n": [1]}}""", Bad, "[1] (list) cannot be converted to float64" },
        { """{"inputs": {"x": [{"a": 1}], "n": [1]}}""", Bad, "(dict) cannot be converted to float64" },
        { """{"inputs": {"x": [1], "n": [1]}, "params": [1]}""", Invalid, "Parameters must be a dictionary. Got type 'list'." },
        { """{"inputs": {"x": [1], "n": [1]}, "params": {"predict_proba": "yes"}}""", Invalid, "Parameter 'predict_proba' must be a boolean (true or false), got 'yes'." },
        { """{"inputs": {"x": [1], "n": [1]}, "params": {"predict_proba": {"a": 1}}}""", Invalid, "Parameter 'predict_proba' must be a scalar or a list of scalars" },
        { """{"inputs": {"x": [1], "n": [1], "tag": ["refuse"]}}""", Bad, "the test model refuses tag 'refuse'" },
    };

    public static TheoryData<string, string, string> CsvCases => new()
    {
        { "", Bad, "Failed to parse input as a Pandas DataFrame. Ensure that the input is a valid CSV-formatted Pandas DataFrame produced using the `pandas.DataFrame.to_csv()` method. Error: 'No columns to parse from file'" },
        { "\n\n", Bad, "No columns to parse from file" },
        { "x,n\n1,2,3\n", Bad, "Error tokenizing data. Expected 2 fields in line 2, saw 3" },
        { "x,n\n1,2\n\n4\n", Bad, "Expected 2 fields in line 4, saw 1" },
        { "x,n\n\"1,2\n", Bad, "EOF inside string starting at line 2" },
        { "x,n\nabc,2\n", Bad, "Failed to convert column x to type 'float64'. Error: 'row 0: 'abc' cannot be converted to float64 without loss'" },
        { "x,n\n1,2.5\n", Bad, "column n to type 'int64'" },
        { "x,n\n,2\n", Bad, "row 0: missing value (null) in a required column" },
        { "x\n1\n", Invalid, "Model is missing inputs ['n']." },
        { "x,n,flag\n1,2,yes\n", Bad, "column flag to type 'bool'" },
    };

    private ScoringTestServer Server => fixture.Server;

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task Invocations_BadJsonRequest_Answers400WithCodeAndMessage(string body, string errorCode, string fragment)
    {
        var (status, answer) = await Server.ScoreAsync(body);

        Assert.Equal(400, status);
        Assert.Equal(errorCode, answer.GetProperty("error_code").GetString());
        Assert.Contains(fragment, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CsvCases))]
    public async Task Invocations_BadCsvRequest_Answers400WithCodeAndMessage(string body, string errorCode, string fragment)
    {
        var (status, answer) = await Server.ScoreAsync(body, "text/csv");

        Assert.Equal(400, status);
        Assert.Equal(errorCode, answer.GetProperty("error_code").GetString());
        Assert.Contains(fragment, answer.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_CsvNotUtf8_Answers400()
    {
        using var content = new ByteArrayContent([(byte)'x', (byte)',', (byte)'n', (byte)'\n', 0xC3, 0x28, (byte)',', (byte)'1']);
        content.Headers.ContentType = new("text/csv");

        using var response = await Server.Client.PostAsync("/invocations", content);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocations_ModelFailsUnexpectedly_Answers500InternalErrorAndLogsIt()
    {
        var (status, answer) = await Server.ScoreAsync("""{"inputs": {"x": [1], "n": [1], "tag": ["crash"]}}""");

        Assert.Equal(500, status);
        Assert.Equal("INTERNAL_ERROR", answer.GetProperty("error_code").GetString());
        Assert.DoesNotContain("crashed on purpose", answer.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(Server.Logs.Entries, e => e.Exception?.Message == "the test model crashed on purpose");
    }
}
