using Pipeline.Tracking.Search;
using static Pipeline.Tracking.Search.Comparator;
using static Pipeline.Tracking.Search.EntityKind;

namespace Pipeline.Tracking.Tests.Search;

public sealed class ExperimentSearchTests
{
    public static TheoryData<string, FilterClause[]> ValidFilters => new()
    {
        {
            "name LIKE 'sweep-%' and tags.team = 'ml'",
            [new(EntityKind.Attribute, "name", Like, "sweep-%"), new(Tag, "team", Equal, "ml")]
        },
        { "attribute.creation_time > 100", [new(EntityKind.Attribute, "creation_time", Greater, 100.0)] },
        { "tag.`owner name` != 'x'", [new(Tag, "owner name", NotEqual, "x")] },
    };

    public static TheoryData<string, string, int> InvalidFilters => new()
    {
        { "attributes.name = 'x'", "Invalid entity type 'attributes'", 0 },
        { "metrics.x > 1", "Invalid entity type 'metrics'", 0 },
        { "status = 'x'", "Invalid attribute key 'status'", 0 },
        { "name IN ('a')", "Attribute 'name' cannot be compared with a list", 5 },
        { "last_update_time = 'today'", "Expected a numeric value for numeric attribute 'last_update_time'", 19 },
    };

    [Theory]
    [MemberData(nameof(ValidFilters))]
    public void ParseExperimentFilter_ValidFilter_ReturnsClauses(string filter, FilterClause[] expected) =>
        ClauseAssert.Equal(expected, SearchFilterParser.ParseExperimentFilter(filter));

    [Theory]
    [MemberData(nameof(InvalidFilters))]
    public void ParseExperimentFilter_InvalidFilter_ThrowsAtToken(string filter, string fragment, int position)
    {
        var error = Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseExperimentFilter(filter));

        Assert.Contains(fragment, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Theory]
    [InlineData("last_update_time DESC", "last_update_time", false)]
    [InlineData("experiment_id", "experiment_id", true)]
    [InlineData("attribute.name asc", "name", true)]
    public void ParseExperimentOrderBy_ValidKey_ReturnsAttributeClause(string orderBy, string key, bool ascending) =>
        Assert.Equal(new OrderByClause(EntityKind.Attribute, key, ascending), SearchFilterParser.ParseExperimentOrderBy(orderBy));

    [Theory]
    [InlineData("tags.team", "Cannot order experiments by tag 'team'")]
    [InlineData("run_name", "Invalid attribute key 'run_name'")]
    public void ParseExperimentOrderBy_InvalidKey_Throws(string orderBy, string fragment) =>
        Assert.Contains(fragment, Assert.Throws<SearchSyntaxException>(() => SearchFilterParser.ParseExperimentOrderBy(orderBy)).Message);
}
