using Pipeline.Tracking.Search;

namespace Pipeline.Tracking.Tests.Search;

/// <summary>Compares clauses by content: record equality would compare IN lists by reference.</summary>
internal static class ClauseAssert
{
    public static void Equal(IReadOnlyList<FilterClause> expected, IReadOnlyList<FilterClause> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i].Kind, expected[i].Key, expected[i].Comparator), (actual[i].Kind, actual[i].Key, actual[i].Comparator));
            if (expected[i].Value is IEnumerable<string> list)
                Assert.Equal(list, Assert.IsAssignableFrom<IReadOnlyList<string>>(actual[i].Value));
            else
                Assert.Equal(expected[i].Value, actual[i].Value);
        }
    }
}
