using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Tests.Registry;

public sealed class RegistryFilterParserTests
{
    [Fact]
    public void Parse_EveryForm_GivesClausesInOrder()
    {
        var clauses = RegistryFilterParser.Parse(
            "name = 'a''b' and tags.`my key` ILIKE \"%x%\" AND run_id IN ('r1', 'r2') AND attribute.version_number >= 3 AND tag.mlflow.user != 'bob' AND name LIKE 'm%'");

        Assert.Equal(
            [
                new FilterClause(EntityKind.Attribute, "name", Comparator.Equal, "a'b"),
                new FilterClause(EntityKind.Tag, "my key", Comparator.ILike, "%x%"),
                new FilterClause(EntityKind.Attribute, "run_id", Comparator.In, new List<string> { "r1", "r2" }),
                new FilterClause(EntityKind.Attribute, "version_number", Comparator.GreaterOrEqual, 3.0),
                new FilterClause(EntityKind.Tag, "mlflow.user", Comparator.NotEqual, "bob"),
                new FilterClause(EntityKind.Attribute, "name", Comparator.Like, "m%"),
            ],
            clauses,
            ClauseComparer.Instance);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Parse_Empty_NoClauses(string? filter) => Assert.Empty(RegistryFilterParser.Parse(filter));

    [Theory]
    [InlineData("name = 'x", 7, "Unterminated")]
    [InlineData("name ~ 'x'", 5, "Invalid comparator")]
    [InlineData("name = 'x' OR name = 'y'", 11, "Invalid clause(s)")]
    [InlineData("name = x", 7, "Expected a quoted string")]
    [InlineData("run_id IN 'a'", 10, "IN needs a parenthesised list")]
    [InlineData("run_id IN ('a' 'b')", 15, "Expected ',' or ')'")]
    [InlineData("tags.k = 3", 9, "Expected a quoted string value for tag")]
    [InlineData("name = 3", 7, "support comparison with numeric values")]
    [InlineData("= 'x'", 0, "Expected an identifier")]
    public void Parse_Malformed_SearchSyntaxExceptionAtPosition(string filter, int position, string message)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => RegistryFilterParser.Parse(filter));
        Assert.Equal((ErrorCode.InvalidParameterValue, position), (error.Code, error.Position));
        Assert.Contains(message, error.Message);
    }

    private sealed class ClauseComparer : IEqualityComparer<FilterClause>
    {
        public static readonly ClauseComparer Instance = new();

        public bool Equals(FilterClause? x, FilterClause? y) =>
            x is not null && y is not null && (x.Kind, x.Key, x.Comparator) == (y.Kind, y.Key, y.Comparator)
            && (x.Value is IEnumerable<string> a && y.Value is IEnumerable<string> b ? a.SequenceEqual(b) : Equals(x.Value, y.Value));

        public int GetHashCode(FilterClause obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
