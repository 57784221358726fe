namespace Pipeline.Stages.Promotion;

/// <summary>Move <paramref name="ToAlias"/> of <paramref name="ModelName"/> to the version <paramref name="FromAlias"/> names, if its evaluation beats the current holder's.</summary>
/// <param name="ModelName">The registered model.</param>
/// <param name="FromAlias">The candidate's alias, e.g. <c>challenger</c>.</param>
/// <param name="ToAlias">The alias to move, e.g. <c>champion</c>.</param>
/// <param name="Thresholds">Every one must pass against the current holder (at least one).</param>
/// <param name="User">Who promotes, recorded on the version.</param>
public sealed record PromotionRequest(string ModelName, string FromAlias, string ToAlias, IReadOnlyList<MetricThreshold> Thresholds, string User);

/// <summary>What a promotion did.</summary>
/// <param name="Promoted">The alias moved (or already named the candidate).</param>
/// <param name="CandidateVersion">The version <c>FromAlias</c> names.</param>
/// <param name="PreviousVersion">The version <c>ToAlias</c> named before, if any.</param>
/// <param name="Reason">The evidence, one line per metric.</param>
/// <param name="ImageReference">The registry reference re-tagged to the candidate's digest, if the candidate was pushed.</param>
public sealed record PromotionOutcome(bool Promoted, long CandidateVersion, long? PreviousVersion, string Reason, string? ImageReference);
