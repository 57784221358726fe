namespace Pipeline.Docker;

/// <summary>A container created by <see cref="ContainerRunner"/>, as listed for cleanup.</summary>
/// <param name="Id">Container id.</param>
/// <param name="Name">Container name (without the leading '/').</param>
/// <param name="Image">Image reference it was created from.</param>
/// <param name="State">Engine state: <c>running</c>, <c>exited</c>, <c>created</c>…</param>
/// <param name="Labels">Its labels.</param>
public sealed record ManagedContainer(string Id, string Name, string Image, string State, IReadOnlyDictionary<string, string> Labels);
