namespace Pipeline.Stages.Spec;

/// <summary>
/// Checks a pinned split in <c>data</c>: <c>test_path</c> or <c>split_column</c>, never both, and neither with the keys
/// of a drawn split; the test file exists with the same header as <c>path</c>; the split column is in the header and
/// is not the label. Row values (<c>train</c>/<c>test</c>) are checked when the data is loaded, with their line.
/// </summary>
internal static class PinnedSplitChecks
{
    private static readonly string[] DrawnSplitKeys = ["test_fraction", "stratify", "seed"];

    public static void Check(SpecReader reader, MappingReader map, string fullPath, string? fullTestPath, string? splitColumn, string? label)
    {
        if (fullTestPath is null && splitColumn is null) return;
        var pinnedKey = fullTestPath is not null ? "test_path" : "split_column";
        if (fullTestPath is not null && splitColumn is not null)
            reader.Error(map.Get("split_column")!, map.PathOf("split_column"),
                "a split is pinned either by a test file (test_path) or by a column (split_column), not both");
        foreach (var key in DrawnSplitKeys.Where(map.Contains))
            reader.Error(map.Get(key) ?? map.Node, map.PathOf(key),
                $"{key} draws a random split; it is not allowed with {pinnedKey}, which pins the split (remove one)");

        var header = File.Exists(fullPath) ? TryHeader(fullPath) : null;
        if (fullTestPath is not null)
            CheckTestFile(reader, map, fullTestPath, header);
        else if (header is not null)
            CheckSplitColumn(reader, map, splitColumn!, label, header, Path.GetFileName(fullPath));
    }

    private static void CheckTestFile(SpecReader reader, MappingReader map, string fullTestPath, IReadOnlyList<string>? header)
    {
        var node = map.Get("test_path")!;
        var written = ((YamlDotNet.RepresentationModel.YamlScalarNode)node).Value;
        if (!File.Exists(fullTestPath))
        {
            reader.Error(node, map.PathOf("test_path"),
                $"test file '{written}' does not exist (looked for {fullTestPath}; relative paths start at the pipeline file's folder)");
            return;
        }

        var testHeader = TryHeader(fullTestPath);
        if (testHeader is null)
        {
            reader.Error(node, map.PathOf("test_path"), $"cannot read test file '{written}'");
            return;
        }

        if (header is not null && !header.SequenceEqual(testHeader, StringComparer.Ordinal))
        {
            var missing = header.Except(testHeader, StringComparer.Ordinal).ToList();
            var extra = testHeader.Except(header, StringComparer.Ordinal).ToList();
            var why = missing.Count + extra.Count == 0 ? "the same columns in another order"
                : string.Join("; ", new[] { missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : null, extra.Count > 0 ? $"extra {string.Join(", ", extra)}" : null }.OfType<string>());
            reader.Error(node, map.PathOf("test_path"),
                $"test file '{written}' must have the same columns as data.path, in the same order ({why})");
        }
    }

    private static void CheckSplitColumn(SpecReader reader, MappingReader map, string splitColumn, string? label, IReadOnlyList<string> header, string file)
    {
        var node = map.Get("split_column")!;
        if (splitColumn == label)
            reader.Error(node, map.PathOf("split_column"), $"the split column cannot be the label column '{label}'");
        else if (!header.Contains(splitColumn, StringComparer.Ordinal))
            reader.Error(node, map.PathOf("split_column"),
                $"column '{splitColumn}' is not in the header of {file}{KeySuggester.Hint(splitColumn, header)} ({header.Count} columns: {DataSectionReader.Shorten(header)})");
    }

    private static IReadOnlyList<string>? TryHeader(string path)
    {
        try
        {
            return CsvHeader.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
