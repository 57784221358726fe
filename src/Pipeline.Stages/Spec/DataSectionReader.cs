using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>
/// Reads <c>data</c>; checks the file exists and that its header has the label column, and for a pinned split that the
/// test file has the same columns or the split column is there (see <see cref="PinnedSplitChecks"/>).
/// </summary>
internal static class DataSectionReader
{
    private static readonly IReadOnlyList<string> Keys = ["path", "label", "task", "test_fraction", "stratify", "seed", "test_path", "split_column"];

    /// <summary>The data spec (placeholders where invalid) and the task kind when it could be read.</summary>
    public static (DataSpec Data, TaskKind? Task) Read(SpecReader reader, YamlNode node)
    {
        var map = reader.Mapping(node, "data", Keys);
        if (map is null) return (Placeholder, null);

        var path = map.String("path", required: true);
        var label = map.String("label", required: true);
        var task = map.Choice("task", SpecNames.TaskKinds, SpecNames.ToYamlName, required: true);
        var fraction = map.Number("test_fraction", f => f is > 0 and < 1, "strictly between 0 and 1");
        var stratify = map.Boolean("stratify");
        var seed = map.Integer("seed");
        var testPath = map.String("test_path");
        var splitColumn = map.String("split_column");

        if (stratify == true && task == TaskKind.Regression)
        {
            reader.Error(map.Get("stratify")!, map.PathOf("stratify"),
                "stratified splits need class labels; not allowed for task 'regression' (remove it or set false)");
        }

        var fullPath = path is null ? "" : Path.GetFullPath(Path.Combine(reader.BaseDirectory, path));
        if (path is not null)
        {
            CheckFile(reader, map, path, fullPath, label);
        }

        var fullTestPath = testPath is null ? null : Path.GetFullPath(Path.Combine(reader.BaseDirectory, testPath));
        PinnedSplitChecks.Check(reader, map, fullPath, fullTestPath, splitColumn, label);

        var data = new DataSpec(
            fullPath,
            label ?? "",
            task ?? TaskKind.Binary,
            fraction ?? DataSpec.DefaultTestFraction,
            stratify ?? (testPath is null && splitColumn is null && (task?.IsClassification() ?? false)),
            seed ?? DataSpec.DefaultSeed,
            fullTestPath,
            splitColumn);
        return (data, task);
    }

    private static DataSpec Placeholder { get; } =
        new("", "", TaskKind.Binary, DataSpec.DefaultTestFraction, true, DataSpec.DefaultSeed);

    internal static void CheckFile(SpecReader reader, MappingReader map, string path, string fullPath, string? label)
    {
        var pathNode = map.Get("path")!;
        if (!File.Exists(fullPath))
        {
            reader.Error(pathNode, map.PathOf("path"),
                $"data file '{path}' does not exist (looked for {fullPath}; relative paths start at the pipeline file's folder)");
            return;
        }

        if (label is null) return;
        IReadOnlyList<string> header;
        try
        {
            header = CsvHeader.Read(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reader.Error(pathNode, map.PathOf("path"), $"cannot read data file '{path}': {e.Message}");
            return;
        }

        if (!header.Contains(label, StringComparer.Ordinal))
        {
            var file = Path.GetFileName(fullPath);
            reader.Error(map.Get("label")!, map.PathOf("label"),
                $"column '{label}' is not in the header of {file}{KeySuggester.Hint(label, header)} ({header.Count} columns: {Shorten(header)})");
        }
    }

    internal static string Shorten(IReadOnlyList<string> header) =>
        header.Count <= 8 ? string.Join(", ", header) : string.Join(", ", header.Take(4)) + ", ..., " + string.Join(", ", header.TakeLast(2));
}
