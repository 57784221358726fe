using Pipeline.Tracking.Search;
using static Pipeline.Tracking.Search.Comparator;
using static Pipeline.Tracking.Search.EntityKind;

namespace Pipeline.Tracking.Tests.Search;

public sealed class RunFilterTests
{
    private static FilterClause C(EntityKind kind, string key, Comparator comparator, object value) => new(kind, key, comparator, value);

    public static TheoryData<string, FilterClause[]> ValidFilters => new()
    {
        { "metrics.roc_auc > 0.9", [C(Metric, "roc_auc", Greater, 0.9)] },
        {
            "metrics.roc_auc > 0.9 and params.solver = 'lbfgs' and tags.x != 'y' and attributes.status = 'FINISHED'",
            [C(Metric, "roc_auc", Greater, 0.9), C(Param, "solver", Equal, "lbfgs"), C(Tag, "x", NotEqual, "y"), C(EntityKind.Attribute, "status", Equal, "FINISHED")]
        },
        { "metric.acc >= 1e-3 AND param.C = \"1.0\"", [C(Metric, "acc", GreaterOrEqual, 0.001), C(Param, "C", Equal, "1.0")] },
        { "metrics.`f1 score` <= -0.5", [C(Metric, "f1 score", LessOrEqual, -0.5)] },
        { "metrics.\"val loss\" < .25", [C(Metric, "val loss", Less, 0.25)] },
        { "metrics.x=1", [C(Metric, "x", Equal, 1.0)] },
        { "`metrics`.acc != 2", [C(Metric, "acc", NotEqual, 2.0)] },
        { "params.solver LIKE 'lb%' And tags.note ilike '%Fast%'", [C(Param, "solver", Like, "lb%"), C(Tag, "note", ILike, "%Fast%")] },
        { "parameters.x = 'it''s'", [C(Param, "x", Equal, "it's")] },
        { "parameter.alpha != '0.5'", [C(Param, "alpha", NotEqual, "0.5")] },
        { "tags.mlflow.runName = 'child-1'", [C(Tag, "mlflow.runName", Equal, "child-1")] },
        { "tag.`a b.c` = 'x'", [C(Tag, "a b.c", Equal, "x")] },
        { "status = 'FINISHED'", [C(EntityKind.Attribute, "status", Equal, "FINISHED")] },
        { "attr.start_time >= 1700000000000", [C(EntityKind.Attribute, "start_time", GreaterOrEqual, 1700000000000.0)] },
        { "created > 5", [C(EntityKind.Attribute, "start_time", Greater, 5.0)] },
        { "`Run name` = 'best'", [C(EntityKind.Attribute, "run_name", Equal, "best")] },
        { "attributes.run_name ILIKE '%sweep%'", [C(EntityKind.Attribute, "run_name", ILike, "%sweep%")] },
        { "run.run_id IN ('abc', 'def')", [C(EntityKind.Attribute, "run_id", In, new[] { "abc", "def" })] },
        { "attributes.run_id not in ('abc')", [C(EntityKind.Attribute, "run_id", NotIn, new[] { "abc" })] },
        { "run_id IN ('abc', 'DEF1')", [C(EntityKind.Attribute, "run_id", In, new[] { "abc" })] },
        { "datasets.name IN ('iris', \"wine\")", [C(Dataset, "name", In, new[] { "iris", "wine" })] },
        { "dataset.context = 'training'", [C(Dataset, "context", Equal, "training")] },
        { "   ", [] },
    };

    public static TheoryData<string, string, int> InvalidFilters => new()
    {
        { "metrics.roc_auc =~ 0.9", "Invalid comparator '=~'", 16 },
        { "metrics.x > 1 or params.y = 'a'", "Unsupported operator 'OR'", 14 },
        { "metrics.x LIKE '1'", "Invalid comparator 'LIKE'", 10 },
        { "metrics.x IN ('1')", "Invalid comparator 'IN'", 10 },
        { "metrics.x > 'high'", "Expected a numeric value for metric 'x'", 12 },
        { "params.solver = lbfgs", "Expected a quoted string value for param 'solver'", 16 },
        { "params.x = `a`", "Expected a quoted string value for param 'x'", 11 },
        { "params.x = 1", "Expected a quoted string value for param 'x'", 11 },
        { "params.x = ('a')", "Expected a quoted string value for param 'x'", 11 },
        { "params.C > '1'", "Invalid comparator '>'", 9 },
        { "tags.t < 'a'", "Invalid comparator '<'", 7 },
        { "tags.t IN ('a')", "Invalid comparator 'IN'", 7 },
        { "attributes.foo = 'x'", "Invalid attribute key 'foo'", 0 },
        { "metricz.x > 1", "Invalid entity type 'metricz'", 0 },
        { "METRICS.x > 1", "Invalid entity type 'METRICS'", 0 },
        { "metrics. > 1", "Missing key after 'metrics.'", 0 },
        { "metrics.a`b` > 1", "Invalid quoting in identifier part 'a`b`'", 9 },
        { "start_time = 'yesterday'", "Expected a numeric value for numeric attribute 'start_time'", 13 },
        { "end_time LIKE '1'", "Invalid comparator 'LIKE'", 9 },
        { "status IN ('FINISHED')", "Attribute 'status' cannot be compared with a list", 7 },
        { "run_id IN ()", "Empty list", 11 },
        { "run_id IN 'a'", "Expected '(' to start a list", 10 },
        { "run_id IN ('a' 'b')", "Expected ',' or ')' in list", 15 },
        { "run_id IN ('a', 1)", "Expected a quoted string in list", 16 },
        { "run_id NOT 'a'", "Expected IN after NOT", 11 },
        { "datasets.size = 'x'", "Invalid dataset key 'size'", 0 },
        { "params.x = 'unterminated", "Unterminated string literal", 11 },
        { "metrics.`open > 1", "Unterminated quoted identifier", 8 },
        { "metrics.x > 1 and", "Expected a key such as metrics.roc_auc but found end of input", 17 },
        { "and metrics.x > 1", "Expected a key such as metrics.roc_auc but found 'and'", 0 },
        { "(metrics.x > 1)", "Unexpected '('", 0 },
        { "metrics.x > 1 params.y = 'a'", "Expected AND or end of filter but found 'params.y'", 14 },
        { "metrics.x 1", "Expected a comparator but found '1'", 10 },
        { "metrics.x > 1 & params.y = 'a'", "Unexpected character '&'", 14 },
        { "metrics.x > 1abc", "Invalid number '1abc'", 12 },
        { "metrics.x <> 1", "Invalid comparator '<>'", 10 },
    };

    [Theory]
    [MemberData(nameof(ValidFilters))]
    public void ParseRunFilter_ValidFilter_ReturnsClauses(string filter, FilterClause[] expected) =>
        ClauseAssert.Equal(expected, SearchFilterParser.ParseRunFilter(filter));

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public void ParseRunFilter_InvalidFilter_ThrowsAtToken(string filter, string fragment, int position)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseRunFilter(filter));

        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.Contains(fragment, error.Message);
        Assert.Contains($"at position {position} in filter: {filter}", error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void ParseRunFilter_Null_ReturnsNoClauses() => Assert.Empty(SearchFilterParser.ParseRunFilter(null));

    [Fact]
    public void ParseRunFilter_UnknownOperator_MessageNamesTokenPositionAndFilter()
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseRunFilter("metrics.roc_auc =~ 0.9"));

        Assert.Equal(
            "Invalid comparator '=~' at position 16 in filter: metrics.roc_auc =~ 0.9 (use =, !=, <, <=, >, >=, LIKE, ILIKE, IN or NOT IN)",
            error.Message);
    }

    [Fact]
    public void ParseRunFilter_InvalidComparator_ListsAllowedOnes()
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseRunFilter("metrics.x LIKE '1'"));

        Assert.EndsWith("(metric comparators are =, !=, <, <=, >, >=)", error.Message);
    }

    [Fact]
    public void ParseRunFilter_IsNull_PointsAtIsAndSaysMlflowHasNoNullTest()
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseRunFilter("tags.`mlflow.parentRunId` IS NULL"));

        Assert.Equal(26, error.Position);
        Assert.StartsWith("Expected a comparator but found 'IS' at position 26", error.Message);
        Assert.Contains("no IS NULL / IS NOT NULL", error.Message);
    }
}
