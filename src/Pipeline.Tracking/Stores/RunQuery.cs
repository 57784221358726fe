using Pipeline.Tracking.Entities;

namespace Pipeline.Tracking.Stores;

/// <summary>
/// A run search as MLflow's <c>runs/search</c> takes it: <paramref name="Filter"/> in MLflow's filter grammar,
/// <paramref name="OrderBy"/> such as <c>metrics.roc_auc DESC</c>, at most <paramref name="MaxResults"/> runs a page
/// (MLflow's default 1000, limit 50000).
/// </summary>
public sealed record RunQuery(
    IReadOnlyList<string> ExperimentIds,
    string? Filter = null,
    ViewType ViewType = ViewType.ActiveOnly,
    int MaxResults = 1000,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null);

/// <summary>An experiment search (<c>experiments/search</c>); the filter may use <c>name</c>, <c>tags.*</c>, times.</summary>
public sealed record ExperimentQuery(
    string? Filter = null,
    ViewType ViewType = ViewType.ActiveOnly,
    int MaxResults = 1000,
    IReadOnlyList<string>? OrderBy = null,
    string? PageToken = null);
