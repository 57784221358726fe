namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Replaces a cached folder by filling a fresh staging folder beside it and moving that into place, so an interrupted
/// fill is never taken for a finished one and two runs filling at once do not write into each other.
/// </summary>
internal static class StagedFolder
{
    public static async Task ReplaceAsync(string folder, Func<string, Task> fill)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".staging-{Guid.NewGuid():N}");
        try
        {
            await fill(staging).ConfigureAwait(false);
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
            Directory.Move(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
    }

    public static void Replace(string folder, Action<string> fill) =>
        ReplaceAsync(folder, staging =>
        {
            fill(staging);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
}
