using Pipeline.Stages.Promotion;

namespace Pipeline.Stages.Spec;

/// <summary>
/// <c>model.promote</c>: after Package registers the new version under <c>model.alias</c> (the candidate, e.g.
/// <c>challenger</c>), move <paramref name="ToAlias"/> to it only when its recorded evaluation beats the current
/// holder's on every threshold, as <c>pipeline models promote</c> does. A candidate that does not win is a warning.
/// </summary>
/// <param name="ToAlias"><c>to_alias</c> (string, required): the alias to move, e.g. <c>champion</c>; not <c>model.alias</c>.</param>
/// <param name="Thresholds">
/// <c>metrics</c> (list of metric names, required) with <c>min_absolute_change</c> / <c>min_relative_change</c> (numbers
/// ≥ 0, optional) applied to each; the metric's direction comes from the task's metric catalog.
/// </param>
public sealed record PromoteSpec(string ToAlias, IReadOnlyList<MetricThreshold> Thresholds);
