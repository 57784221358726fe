namespace Pipeline.Docker.Tests;

public sealed class NativeLibraryResolverTests
{
    [Fact]
    public void ParseLdd_ResolvedLoaderVdsoAndMissing_KeepsPathsAndMarksMissing()
    {
        const string output = """
            	linux-vdso.so.1 (0x00007ffd)
            	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f1)
            	libgone.so.2 => not found
            	/lib64/ld-linux-x86-64.so.2 (0x00007f2)
            """;

        var parsed = NativeLibraryResolver.ParseLdd(output).ToList();

        Assert.Equal(
            [("libm.so.6", "/lib/x86_64-linux-gnu/libm.so.6"), ("libgone.so.2", null), ("ld-linux-x86-64.so.2", "/lib64/ld-linux-x86-64.so.2")],
            parsed);
    }

    [Fact]
    public async Task ResolveAsync_DefaultLibraries_IncludeLoaderLibcAndLibgomp()
    {
        var libraries = await NativeLibraryResolver.ResolveAsync(null, new MinimalBaseImageOptions().Libraries, CancellationToken.None);

        var names = libraries.Files.Keys.Select(Path.GetFileName).ToList();
        Assert.Contains("libc.so.6", names);
        Assert.Contains("libgomp.so.1", names);
        Assert.Contains(names, n => n!.StartsWith("ld-linux", StringComparison.Ordinal));
        Assert.All(libraries.Files.Values, file => Assert.True(File.Exists(file) && File.ResolveLinkTarget(file, false) is null, file));
    }

    [Fact]
    public async Task ResolveAsync_UnknownSoname_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<DockerOperationException>(
            () => NativeLibraryResolver.ResolveAsync(null, ["libdoesnotexist.so.9"], CancellationToken.None));

        Assert.Contains("libdoesnotexist.so.9", error.Message);
    }
}
