namespace Pipeline.Docker;

/// <summary>Host libraries to copy into a minimal image: image path → host file holding the content.</summary>
/// <param name="Files">Path inside the image (as the loader asks for it) → real file on the host.</param>
/// <param name="Missing">Dependencies <c>ldd</c> reported as not found (not fatal: they may never be loaded).</param>
internal sealed record NativeLibraries(IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Missing);
