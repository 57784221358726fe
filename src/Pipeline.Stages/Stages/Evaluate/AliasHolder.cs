using Pipeline.Tracking.Entities;
using Pipeline.Tracking.Registry;

namespace Pipeline.Stages.Stages.Evaluate;

/// <summary>The version holding an alias a gate names as its baseline, with its recorded evaluation; both null when no version holds it.</summary>
/// <param name="Alias">The alias, e.g. <c>champion</c>.</param>
/// <param name="Version">Its holder, or null on a first run.</param>
/// <param name="Evaluation">The holder's latest finished evaluation run, or null when it has none.</param>
public sealed record AliasHolder(string Alias, ModelVersion? Version, Run? Evaluation);
