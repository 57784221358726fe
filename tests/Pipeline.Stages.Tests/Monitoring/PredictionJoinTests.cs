using Pipeline.Stages.Monitoring;

namespace Pipeline.Stages.Tests.Monitoring;

public sealed class PredictionJoinTests
{
    private static LoggedPrediction P(string id, int row, string version, string role, string prediction) => new(id, row, version, role, prediction, null);

    private static LabelRow L(string id, int row, string label) => new(id, row, label, 2);

    [Fact]
    public void Join_RowsOfOneRequest_MatchByRequestIdAndRowIndex()
    {
        var join = PredictionJoin.Join(
            [P("a", 0, "1", "champion", "0"), P("a", 1, "1", "champion", "1")],
            [L("a", 1, "1"), L("a", 0, "0")]);

        var rows = Assert.Single(join.Versions).Rows;
        Assert.Equal([("a", 0, "0", "0"), ("a", 1, "1", "1")], rows.Select(r => (r.RequestId, r.Row, r.Label, r.Prediction)));
    }

    [Fact]
    public void Join_UnmatchedLabelsAndPredictions_AreCountedNotDropped()
    {
        var join = PredictionJoin.Join(
            [P("a", 0, "1", "champion", "0"), P("b", 0, "2", "challenger", "1"), P("c", 0, "2", "challenger", "1")],
            [L("a", 0, "0"), L("b", 0, "0"), L("ghost", 0, "1"), L("a", 0, "1")]);

        Assert.Equal(4, join.Labels);
        Assert.Equal(1, join.UnmatchedLabels);
        Assert.Equal(1, join.DuplicateLabels);
        Assert.Equal(["1", "2"], join.Versions.Select(v => v.Version));
        Assert.Equal([1, 2], join.Versions.Select(v => v.LoggedRows));
        Assert.Equal([1, 1], join.Versions.Select(v => v.Rows.Count));
        Assert.Equal([0, 1], join.Versions.Select(v => v.UnlabelledRows));
        // The first label of a row stands.
        Assert.Equal("0", join.Versions[0].Rows[0].Label);
    }

    [Fact]
    public void Join_ShadowMode_OneLabelJoinsBothVersionsOfItsRow()
    {
        var join = PredictionJoin.Join(
            [P("a", 0, "7", "champion", "1"), P("a", 0, "8", "shadow", "0"), P("a", 0, "8", "shadow", "0")],
            [L("a", 0, "1")]);

        Assert.Equal([("7", "champion", 1), ("8", "shadow", 1)], join.Versions.Select(v => (v.Version, v.Role, v.Rows.Count)));
        Assert.Equal(0, join.UnmatchedLabels);
        Assert.Equal(1, join.DuplicatePredictions);
    }

    [Fact]
    public void Join_ChampionListedFirst_EvenWithTheHigherVersionNumber()
    {
        var join = PredictionJoin.Join([P("a", 0, "2", "challenger", "1"), P("b", 0, "10", "champion", "1")], []);

        Assert.Equal(["10", "2"], join.Versions.Select(v => v.Version));
    }
}
