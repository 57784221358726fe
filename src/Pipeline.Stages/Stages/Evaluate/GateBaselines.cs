using Pipeline.Stages.Promotion;
using Pipeline.Stages.Spec;
using Pipeline.Tracking;
using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;
using Pipeline.Tracking.Stores;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>
/// The baselines Evaluate's gates compare with, resolved once per run from the model registry: for every alias a gate
/// names (<see cref="GateBaseline"/>), its current holder and that holder's recorded evaluation.
/// </summary>
public sealed class GateBaselines
{
    private readonly IReadOnlyDictionary<string, AliasHolder> _holders;

    private GateBaselines(IReadOnlyDictionary<string, AliasHolder> holders) => _holders = holders;

    /// <summary>No gate names a baseline.</summary>
    public static GateBaselines None { get; } = new(new Dictionary<string, AliasHolder>());

    /// <summary>The holders by alias.</summary>
    public IReadOnlyCollection<AliasHolder> Holders => _holders.Values.ToList();

    /// <summary>Looks up the holder of every alias the gates name, under the registered model <paramref name="modelName"/>.</summary>
    public static async Task<GateBaselines> ResolveAsync(
        ITrackingStore store, IModelRegistry registry, string modelName, IEnumerable<GateSpec> gates, CancellationToken ct)
    {
        var holders = new SortedDictionary<string, AliasHolder>(StringComparer.Ordinal);
        foreach (var alias in gates.Select(g => g.Baseline?.Alias).OfType<string>().Distinct())
        {
            var version = await ByAliasAsync(registry, modelName, alias, ct);
            var evaluation = version is null ? null : await ModelEvaluations.FindAsync(store, version, ct);
            holders[alias] = new AliasHolder(alias, version, evaluation);
        }
        return new GateBaselines(holders);
    }

    /// <summary>What the fingerprint records: per alias, the holder's version and evaluation run, or <c>none</c>.</summary>
    public IReadOnlyDictionary<string, string> Identity() => _holders.Values.ToDictionary(
        h => h.Alias,
        h => h.Version is null ? "none" : $"{h.Version.VersionText}/{h.Evaluation?.Info.RunId ?? "unevaluated"}");

    /// <summary>The holder of <paramref name="alias"/> (an unresolved alias counts as held by nobody).</summary>
    public AliasHolder HolderOf(string alias) => _holders.GetValueOrDefault(alias) ?? new AliasHolder(alias, null, null);

    private static async Task<ModelVersion?> ByAliasAsync(IModelRegistry registry, string name, string alias, CancellationToken ct)
    {
        try
        {
            return await registry.GetModelVersionByAliasAsync(name, alias, ct);
        }
        // MLflow answers an unknown alias with INVALID_PARAMETER_VALUE, an unknown model with RESOURCE_DOES_NOT_EXIST.
        catch (TrackingException e) when (e.Code is ErrorCode.ResourceDoesNotExist or ErrorCode.InvalidParameterValue)
        {
            return null;
        }
    }
}
