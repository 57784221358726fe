namespace Pipeline.Tracking.Entities;

/// <summary>One page of search results; <paramref name="NextPageToken"/> is null on the last page.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, string? NextPageToken);
