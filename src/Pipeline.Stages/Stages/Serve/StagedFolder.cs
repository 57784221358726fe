namespace Pipeline.Stages.Stages.Serve;

/// <summary>
/// Puts a content-addressed cache folder in place by filling a fresh staging folder beside it and renaming that into
/// place, so an interrupted fill is never taken for a finished one. Several pipelines may fill the same folder at once
/// (two CI jobs on one runner, eight runs in one checkout): the first rename wins and the others discard their copy,
/// never deleting a finished folder that another process may already be serving from. Only a leftover without
/// <c>marker</c> (an older, unfinished layout) is moved aside and replaced.
/// </summary>
internal static class StagedFolder
{
    public static async Task PublishAsync(string folder, string marker, Func<string, Task> fill)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(folder))!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".staging-{Guid.NewGuid():N}");
        try
        {
            await fill(staging).ConfigureAwait(false);
            for (var attempt = 0; !IsFinished(folder, marker); attempt++)
            {
                MoveAsideUnfinished(folder, parent);
                try
                {
                    Directory.Move(staging, folder);
                    return;
                }
                catch (IOException) when (attempt < 3 && Directory.Exists(folder))
                {
                    // Another process renamed its copy into place between our check and our rename: look again.
                }
            }
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    public static void Publish(string folder, string marker, Action<string> fill) =>
        PublishAsync(folder, marker, staging =>
        {
            fill(staging);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    private static bool IsFinished(string folder, string marker) => File.Exists(Path.Combine(folder, marker));

    private static void MoveAsideUnfinished(string folder, string parent)
    {
        if (!Directory.Exists(folder))
            return;
        var aside = Path.Combine(parent, $".stale-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(folder, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // another process moved it first
        }

        DeleteQuietly(aside);
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache leftover: harmless, and the next fill of this folder moves it aside.
        }
    }
}
