using System.Text;
using Pipeline.Tracking.Stores.Sql;

namespace Pipeline.Tracking.Tests.Stores;

public sealed class Utf8StringPoolTests
{
    [Fact]
    public void Get_SameBytesTwice_GivesTheSameStringInstance()
    {
        var pool = new Utf8StringPool();

        var first = pool.Get("roc_auc"u8);
        var second = pool.Get(Encoding.UTF8.GetBytes("roc_auc"));

        Assert.Equal("roc_auc", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Get_ManyDistinctValuesAcrossGrowth_EachDecodesToItself()
    {
        var pool = new Utf8StringPool();
        var values = Enumerable.Range(0, 5_000).Select(i => i % 3 == 0 ? $"wert-{i}-äß€日本" : $"v{i}").ToList();

        var firstPass = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();
        var secondPass = values.Select(v => pool.Get(Encoding.UTF8.GetBytes(v))).ToList();

        Assert.Equal(values, firstPass);
        Assert.All(values.Select((_, i) => i), i => Assert.Same(firstPass[i], secondPass[i]));
    }

    [Fact]
    public void Get_EmptyBytes_GivesEmptyString() => Assert.Equal("", new Utf8StringPool().Get([]));
}
