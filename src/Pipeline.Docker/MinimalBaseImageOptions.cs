namespace Pipeline.Docker;

/// <summary>What goes into a minimal (<c>FROM scratch</c>) base image for self-contained .NET apps.</summary>
public sealed record MinimalBaseImageOptions
{
    /// <summary>
    /// Libraries always copied, by soname, resolved with <c>ldconfig -p</c> (with their dependencies and the
    /// dynamic loader). Default: libc, libm, libdl, libpthread, librt, libstdc++, libgcc_s and libgomp
    /// (LightGBM's OpenMP, loaded at run time and packed inside single-file bundles, so <c>ldd</c> misses it).
    /// </summary>
    public IReadOnlyList<string> Libraries { get; init; } =
    [
        "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
        "libstdc++.so.6", "libgcc_s.so.1", "libgomp.so.1",
    ];

    /// <summary>
    /// A self-contained publish folder whose ELF files are scanned with <c>ldd</c> for further libraries;
    /// default null (only <see cref="Libraries"/>).
    /// </summary>
    public string? PublishFolder { get; init; }

    /// <summary>Repository of the image; the tag is a content hash. Default <c>pipeline-minimal-base</c>.</summary>
    public string Repository { get; init; } = "pipeline-minimal-base";

    /// <summary>Name of the non-root user; default <c>app</c>. Its home is <c>/home/&lt;name&gt;</c>, owned by it.</summary>
    public string UserName { get; init; } = "app";

    /// <summary>Uid and gid of the non-root user; default 10001.</summary>
    public int UserId { get; init; } = 10001;

    internal void Validate()
    {
        if (!ImageReference.IsValidRepository(Repository))
            throw new ArgumentException($"Repository '{Repository}' is not a valid image repository name (lowercase letters, digits, '.', '_', '-', '/').");
        if (string.IsNullOrWhiteSpace(UserName) || !UserName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            throw new ArgumentException($"UserName '{UserName}' must be lowercase letters, digits, '_' or '-'.");
        if (UserId is < 1 or > 65533)
            throw new ArgumentException($"UserId {UserId} must be between 1 and 65533 (0 is root).");
        if (PublishFolder is not null && !Directory.Exists(PublishFolder))
            throw new ArgumentException($"PublishFolder '{PublishFolder}' does not exist.");
    }
}
