using System.Text.Json;
using Pipeline.Ml.Models;

namespace Pipeline.Ml.Tests.Models;

public class SignatureValidatorTests
{
    private static object? Json(string literal) => JsonDocument.Parse(literal).RootElement.Clone();

    public static TheoryData<MlflowDataType, object?, bool> Rules => new()
    {
        { MlflowDataType.Double, 3, true },                  // integer into double
        { MlflowDataType.Double, Json("3"), true },
        { MlflowDataType.Double, Json("3.5"), true },
        { MlflowDataType.Double, 9007199254740993L, false },  // 2^53 + 1 is not representable
        { MlflowDataType.Double, null, true },                // missing value becomes NaN
        { MlflowDataType.Double, true, false },
        { MlflowDataType.Double, "3.5", false },
        { MlflowDataType.Long, Json("3"), true },
        { MlflowDataType.Long, Json("3.5"), false },
        { MlflowDataType.Long, 3.0, false },                 // float64 -> int64 refused even when whole
        { MlflowDataType.Long, null, false },                // integers cannot hold missing values
        { MlflowDataType.Long, Json("9223372036854775808"), false },
        { MlflowDataType.Integer, 2147483647L, true },
        { MlflowDataType.Integer, 2147483648L, false },
        { MlflowDataType.Float, 0.5, true },
        { MlflowDataType.Float, 0.1, false },                // double -> float loses precision
        { MlflowDataType.Float, 0.1f, true },
        { MlflowDataType.Float, 16777217, false },
        { MlflowDataType.String, "x", true },
        { MlflowDataType.String, 1, false },
        { MlflowDataType.Boolean, Json("true"), true },
        { MlflowDataType.Boolean, 1, false },
        { MlflowDataType.Binary, "aGVsbG8=", true },
        { MlflowDataType.Binary, "not base64!", false },
        { MlflowDataType.Datetime, "2024-01-01T12:00:00", true },
        { MlflowDataType.Datetime, "yesterday", false },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Validate_RulesTable(MlflowDataType type, object? value, bool ok)
    {
        var result = SignatureValidator.Validate([new ColumnSpec(type, "c")],
            new Dictionary<string, IReadOnlyList<object?>> { ["c"] = [value] });
        Assert.Equal(ok, result.IsValid);
        if (!ok) Assert.Contains("Column 'c', row 0", result.Message);
    }

    [Fact]
    public void Validate_MissingRequiredColumn_ErrorNamesIt_OptionalAndExtraIgnored()
    {
        ColumnSpec[] inputs = [new(MlflowDataType.Double, "a"), new(MlflowDataType.Double, "b", Required: false), new(MlflowDataType.Long, "c")];
        var result = SignatureValidator.Validate(inputs, new Dictionary<string, IReadOnlyList<object?>>
        {
            ["a"] = [1.0],
            ["extra"] = ["ignored"],
        });
        var v = Assert.Single(result.Violations);
        Assert.Equal("c", v.Column);
        Assert.Equal("The input column 'c' is required by the model signature but missing from the input data.", v.Message);
    }

    [Fact]
    public void Validate_ManyBadRows_ReportsFirstFiveAndCountsTheRest()
    {
        var values = Enumerable.Range(0, 8).Select(i => (object?)(i + 0.5)).ToList();
        var result = SignatureValidator.Validate([new ColumnSpec(MlflowDataType.Long, "n")],
            new Dictionary<string, IReadOnlyList<object?>> { ["n"] = values });
        Assert.Equal(6, result.Violations.Count);
        Assert.Contains("3 more rows", result.Violations[^1].Message);
        Assert.Throws<ArgumentException>(result.ThrowIfInvalid);
    }
}
