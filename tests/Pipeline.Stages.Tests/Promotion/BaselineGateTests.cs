using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Evaluate;

namespace Pipeline.Stages.Tests.Promotion;

/// <summary>Gates naming an alias holder as baseline, resolved against a real SQLite registry.</summary>
public sealed class BaselineGateTests : IAsyncLifetime
{
    private RegistryFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await RegistryFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private static GateSpec Gate(string text) => GateSpec.TryParse(text, out var gate, out var error) ? gate! : throw new InvalidOperationException(error);

    private async Task<GateVerdict> CheckAsync(string gateText, double rocAuc)
    {
        var gate = Gate(gateText);
        var baselines = await GateBaselines.ResolveAsync(_fixture.Store, _fixture.Registry, RegistryFixture.Model, [gate], CancellationToken.None);
        return GateVerdict.Check(gate, new Dictionary<string, double> { ["roc_auc"] = rocAuc }, baselines);
    }

    [Fact]
    public async Task Check_WithinTheOffsetOfTheChampion_PassesNamingTheChampionVersion()
    {
        var champion = await _fixture.VersionAsync(0.95, "champion");

        var verdict = await CheckAsync("roc_auc >= champion.roc_auc - 0.002", 0.9485);

        Assert.True(verdict.Passed, verdict.ToString());
        Assert.Equal(0.948, verdict.Threshold, 9);
        Assert.Contains($"@champion = version {champion}, roc_auc = 0.95", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BelowTheChampionMinusTheOffset_Fails()
    {
        await _fixture.VersionAsync(0.95, "champion");

        var verdict = await CheckAsync("roc_auc >= champion.roc_auc - 0.002", 0.9475);

        Assert.False(verdict.Passed);
        Assert.StartsWith("failed: roc_auc = 0.9475, required >= 0.948 (champion.roc_auc - 0.002;", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_NoVersionHoldsTheAlias_PassesAndSaysSo()
    {
        await _fixture.VersionAsync(0.99, "challenger");

        var verdict = await CheckAsync("roc_auc > champion.roc_auc", 0.5);

        Assert.True(verdict.Passed);
        Assert.Contains("no version holds @champion yet", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ChampionEvaluationLacksTheMetric_FailsNamingIt()
    {
        await _fixture.VersionAsync(0.95, "champion");

        var verdict = await CheckAsync("roc_auc >= champion.f1_score", 0.99);

        Assert.False(verdict.Passed);
        Assert.Contains("has no metric 'f1_score'", verdict.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identity_ChangesWhenANewVersionTakesTheAlias()
    {
        var gates = new[] { Gate("roc_auc >= champion.roc_auc") };
        var none = (await GateBaselines.ResolveAsync(_fixture.Store, _fixture.Registry, RegistryFixture.Model, gates, CancellationToken.None)).Identity();
        await _fixture.VersionAsync(0.95, "champion");
        var first = (await GateBaselines.ResolveAsync(_fixture.Store, _fixture.Registry, RegistryFixture.Model, gates, CancellationToken.None)).Identity();
        await _fixture.VersionAsync(0.96, "champion");
        var second = (await GateBaselines.ResolveAsync(_fixture.Store, _fixture.Registry, RegistryFixture.Model, gates, CancellationToken.None)).Identity();

        Assert.Equal("none", none["champion"]);
        Assert.StartsWith("1/", first["champion"], StringComparison.Ordinal);
        Assert.StartsWith("2/", second["champion"], StringComparison.Ordinal);
    }
}
