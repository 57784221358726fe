namespace Pipeline.Docker;

/// <summary>A minimal base image present on the engine.</summary>
/// <param name="Reference">Image reference to put after <c>FROM</c>, e.g. <c>pipeline-minimal-base:3f2a…</c>.</param>
/// <param name="ContentHash">SHA-256 (hex) of the image's files and users; the tag is its first 16 characters.</param>
/// <param name="WasCached">True when the engine already had it and nothing was built.</param>
/// <param name="Libraries">Paths inside the image of the libraries copied.</param>
/// <param name="MissingLibraries">Dependencies <c>ldd</c> could not find on the host (not copied).</param>
/// <param name="Elapsed">Time spent, including the check.</param>
/// <param name="User">The non-root user as <c>uid:gid</c>, for <c>USER</c>.</param>
public sealed record MinimalBaseImage(
    string Reference, string ContentHash, bool WasCached, IReadOnlyList<string> Libraries,
    IReadOnlyList<string> MissingLibraries, TimeSpan Elapsed, string User);
