namespace Pipeline.Bench.Training;

/// <summary>Finds the repository root (the folder holding Pipeline.sln) upwards from the bench binary and the current folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Pipeline.sln"))) return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("Pipeline.sln not found above the bench or the current folder; pass --repo DIR.");
    }
}
