using Pipeline.Stages.Promotion;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages.Package;
using Pipeline.Stages.Tests.EndToEnd;
using Pipeline.Tracking.Metadata;

namespace Pipeline.Stages.Tests.Promotion;

/// <summary>Package's <c>model.promote</c> step over a real SQLite registry: the new version is @challenger.</summary>
public sealed class PackagePromotionTests : IAsyncLifetime
{
    private static readonly ModelSpec Model = new(RegistryFixture.Model, "challenger",
        new PromoteSpec("champion", [new MetricThreshold("roc_auc", MinAbsoluteChange: 0.002)]));

    private readonly RecordingReporter _reporter = new();
    private RegistryFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await RegistryFixture.CreateAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    private Task<string> PromoteAsync() =>
        new PackagePromotion(_fixture.Store, _fixture.Registry, _reporter, TimeProvider.System, new Environment(new() { ["USER"] = "ci" }))
            .PromoteAsync(Model, Model.Promote!, CancellationToken.None);

    [Fact]
    public async Task Promote_NewVersionWinsByTheMargin_MovesChampionAndRecordsTheUser()
    {
        await _fixture.VersionAsync(0.95, "champion");
        var candidate = await _fixture.VersionAsync(0.96, "challenger");

        var summary = await PromoteAsync();

        Assert.StartsWith("promoted to @champion", summary, StringComparison.Ordinal);
        var champion = await _fixture.Registry.GetModelVersionByAliasAsync(RegistryFixture.Model, "champion");
        Assert.Equal(candidate, champion.Version);
        Assert.Equal("ci", champion.Tags[ModelPromoter.PromotedByTag]);
    }

    [Fact]
    public async Task Promote_NewVersionWithinTheMargin_KeepsChampionAndWarns()
    {
        var old = await _fixture.VersionAsync(0.95, "champion");
        await _fixture.VersionAsync(0.951, "challenger");

        var summary = await PromoteAsync();

        Assert.StartsWith("not promoted to @champion", summary, StringComparison.Ordinal);
        Assert.Contains("min_absolute_change", summary, StringComparison.Ordinal);
        Assert.Equal(old, (await _fixture.Registry.GetModelVersionByAliasAsync(RegistryFixture.Model, "champion")).Version);
        Assert.Contains(_reporter.Lines, l => l.StartsWith("warning: Not promoted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Promote_FirstVersion_BecomesChampion()
    {
        var candidate = await _fixture.VersionAsync(0.9, "challenger");

        var summary = await PromoteAsync();

        Assert.Contains("is the first", summary, StringComparison.Ordinal);
        Assert.Equal(candidate, (await _fixture.Registry.GetModelVersionByAliasAsync(RegistryFixture.Model, "champion")).Version);
    }

    private sealed class Environment(Dictionary<string, string> values) : IEnvironmentVariables
    {
        public string? Get(string name) => values.GetValueOrDefault(name);
    }
}
