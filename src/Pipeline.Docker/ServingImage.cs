namespace Pipeline.Docker;

/// <summary>A serving image the engine now holds.</summary>
/// <param name="Id">Image id (<c>sha256:…</c>).</param>
/// <param name="Tags">Full references, e.g. <c>iris:3</c> and <c>iris:champion</c>.</param>
/// <param name="SizeBytes">Image size as the engine reports it (all layers).</param>
/// <param name="Labels">Labels on the image.</param>
/// <param name="Elapsed">Time to write the context and build.</param>
public sealed record ServingImage(
    string Id, IReadOnlyList<string> Tags, long SizeBytes, IReadOnlyDictionary<string, string> Labels, TimeSpan Elapsed);
