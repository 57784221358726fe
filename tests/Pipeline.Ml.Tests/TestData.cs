using Pipeline.Ml.Data;

namespace Pipeline.Ml.Tests;

/// <summary>Finds the repository's data/ folder and loads its sets once per call.</summary>
internal static class TestData
{
    public static string Folder { get; } = Locate();

    public static string PathOf(string name) => Path.Combine(Folder, name + ".csv");

    public static DataTable Load(string name, TaskKind? task = null) =>
        new CsvDataLoader(new CsvLoadOptions { Task = task }).Load(PathOf(name));

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-ml-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "breast_cancer.csv"))) return candidate;
        }

        throw new DirectoryNotFoundException("No data/ folder with breast_cancer.csv above the test binaries.");
    }
}
