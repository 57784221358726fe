namespace Pipeline.MSBuild.Tests.Infrastructure;

/// <summary>
/// A temporary folder holding a copy of the breast-cancer pipeline (<c>pipelines/breast-cancer.yaml</c> and
/// <c>data/breast_cancer.csv</c>, so the file's relative data path still resolves) and whatever a test adds.
/// </summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "pipeline-msbuild-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(Root, "pipelines"));
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        File.Copy(Path.Combine(Repository.Root, "pipelines", "breast-cancer.yaml"), PipelineFile);
        File.Copy(Path.Combine(Repository.Root, "data", "breast_cancer.csv"), Path.Combine(Root, "data", "breast_cancer.csv"));
    }

    public string Root { get; }

    public string PipelineFile => Path.Combine(Root, "pipelines", "breast-cancer.yaml");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A task host still closing may hold a file for a moment; the OS cleans temp folders.
        }
    }
}
