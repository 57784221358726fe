using Pipeline.Tracking.Search;
using static Pipeline.Tracking.Search.EntityKind;

namespace Pipeline.Tracking.Tests.Search;

public sealed class OrderByTests
{
    public static TheoryData<string, EntityKind, string, bool> ValidRunOrderBy => new()
    {
        { "metrics.roc_auc DESC", Metric, "roc_auc", false },
        { "attributes.start_time", EntityKind.Attribute, "start_time", true },
        { "params.C ASC", Param, "C", true },
        { "metrics.`my metric` desc", Metric, "my metric", false },
        { "tags.\"x y\" Asc", Tag, "x y", true },
        { "created DESC", EntityKind.Attribute, "start_time", false },
        { "  run_name  ", EntityKind.Attribute, "run_name", true },
    };

    public static TheoryData<string, string, int> InvalidRunOrderBy => new()
    {
        { "metrics.roc_auc DOWN", "Invalid order direction 'DOWN'", 16 },
        { "", "Empty order_by clause", 0 },
        { "attributes.foo", "Invalid attribute key 'foo'", 0 },
        { "`Run name`", "Invalid attribute key 'Run name'", 0 },
        { "metrics.a DESC extra", "Unexpected 'extra' after the order_by key", 15 },
        { "metrics.my metric DESC", "Invalid order direction 'metric'", 11 },
        { "datasets.name", "Cannot order runs by dataset 'name'", 0 },
        { "metrics.a > 1", "Unexpected '>' after the order_by key", 10 },
        { "'metrics.a'", "Expected an order_by key", 0 },
    };

    [Theory]
    [MemberData(nameof(ValidRunOrderBy))]
    public void ParseRunOrderBy_ValidKey_ReturnsClause(string orderBy, EntityKind kind, string key, bool ascending) =>
        Assert.Equal(new OrderByClause(kind, key, ascending), SearchFilterParser.ParseRunOrderBy(orderBy));

    [Theory]
    [MemberData(nameof(InvalidRunOrderBy))]
    public void ParseRunOrderBy_InvalidKey_ThrowsAtToken(string orderBy, string fragment, int position)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseRunOrderBy(orderBy));

        Assert.Contains(fragment, error.Message);
        Assert.Contains($"at position {position} in order_by clause: {orderBy}", error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void ParseRunOrderBy_List_KeepsOrder() =>
        Assert.Equal(
            [new OrderByClause(Metric, "auc", false), new OrderByClause(EntityKind.Attribute, "start_time", true)],
            SearchFilterParser.ParseRunOrderBy(["metrics.auc DESC", "start_time"]));
}
