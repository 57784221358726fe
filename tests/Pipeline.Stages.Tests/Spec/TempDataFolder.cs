namespace Pipeline.Stages.Tests.Spec;

/// <summary>A temporary folder holding <c>data.csv</c> (columns a, b, target) for inline pipeline files.</summary>
internal sealed class TempDataFolder : IDisposable
{
    public TempDataFolder()
    {
        Path = Directory.CreateTempSubdirectory("pipeline-spec-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Path, "data.csv"), "a,\"b\",target\n1,2,0\n3,4,1\n");
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
