using System.Globalization;

namespace Pipeline.Ml.Data;

/// <summary>
/// Loads a CSV file with a header row into a <see cref="DataTable"/>, inferring the schema and validating
/// every value. Errors are <see cref="DataFormatException"/>s naming the 1-based file line and the column.
/// </summary>
public sealed class CsvDataLoader
{
    // The tokens pandas reads as missing by default; here they are an error, named as a missing value.
    private static readonly HashSet<string> MissingTokens = new(StringComparer.Ordinal)
    {
        "", "NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null", "None", "#N/A", "#NA", "<NA>", "-1.#IND", "1.#QNAN",
    };

    private readonly CsvLoadOptions _options;

    /// <summary>Creates a loader; <paramref name="options"/> defaults to <see cref="CsvLoadOptions"/>' defaults.</summary>
    public CsvDataLoader(CsvLoadOptions? options = null) => _options = options ?? new CsvLoadOptions();

    /// <summary>Loads a file.</summary>
    /// <exception cref="DataFormatException">The file is not a valid numeric table for the task.</exception>
    public DataTable Load(string path)
    {
        if (!File.Exists(path)) throw new DataFormatException("file not found", path);
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }

    /// <summary>Loads CSV text; <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="DataFormatException">The text is not a valid numeric table for the task.</exception>
    public DataTable Load(TextReader reader, string sourceName) => Load(reader, sourceName, null).Table;

    /// <summary>
    /// Loads a file whose <paramref name="partitionColumn"/> names, on every row, one of <paramref name="partitions"/>
    /// (e.g. <c>train</c>, <c>test</c>; compared exactly). That column is not part of the table: neither a feature nor
    /// in the schema. Any other value is an error naming its line.
    /// </summary>
    /// <exception cref="DataFormatException">The file is not a valid numeric table, or a row names no known partition.</exception>
    public PartitionedTable LoadPartitioned(string path, string partitionColumn, IReadOnlyList<string> partitions)
    {
        if (!File.Exists(path)) throw new DataFormatException("file not found", path);
        using var reader = new StreamReader(path);
        return Load(reader, path, new Partitioning(partitionColumn, partitions));
    }

    private sealed record Partitioning(string Column, IReadOnlyList<string> Names);

    private PartitionedTable Load(TextReader reader, string sourceName, Partitioning? partitioning)
    {
        var header = ReadHeader(reader, sourceName);
        var partitionIndex = partitioning is null ? -1 : Array.IndexOf(header, partitioning.Column);
        if (partitioning is not null && partitionIndex < 0)
            throw new DataFormatException(
                $"split column '{partitioning.Column}' not found; columns are: {string.Join(", ", header)}", sourceName, 1);
        if (partitioning is not null && partitioning.Column == _options.LabelColumn)
            throw new DataFormatException($"the split column cannot be the label column '{_options.LabelColumn}'", sourceName, 1);
        var partitionOf = new List<int>();
        var labelIndex = Array.IndexOf(header, _options.LabelColumn);
        if (labelIndex < 0)
            throw new DataFormatException(
                $"label column '{_options.LabelColumn}' not found; columns are: {string.Join(", ", header)}", sourceName, 1);
        var dataColumns = header.Length - (partitionIndex < 0 ? 0 : 1);
        if (dataColumns < 2) throw new DataFormatException("no feature columns besides the label", sourceName, 1);

        var features = new List<double[]>();
        var labels = new List<double>();
        var isInteger = Enumerable.Repeat(true, header.Length).ToArray();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            var fields = CsvFieldReader.Split(line, _options.Separator, sourceName, lineNumber);
            if (fields.Count != header.Length)
                throw new DataFormatException(
                    $"ragged row: {fields.Count} fields, the header has {header.Length}", sourceName, lineNumber);
            var row = new double[dataColumns - 1];
            for (int c = 0, f = 0; c < header.Length; c++)
            {
                if (c == partitionIndex)
                {
                    partitionOf.Add(PartitionOf(fields[c], partitioning!, sourceName, lineNumber));
                    continue;
                }

                var value = ParseValue(fields[c], sourceName, lineNumber, header[c], ref isInteger[c]);
                if (c == labelIndex) labels.Add(value);
                else row[f++] = value;
            }

            features.Add(row);
        }

        if (labels.Count == 0) throw new DataFormatException("no data rows after the header", sourceName);
        var schema = new DataSchema(
            header.Select((h, i) => new DataColumn(h, isInteger[i] ? DataColumn.LongType : DataColumn.DoubleType)).Where((_, i) => i != partitionIndex).ToArray(),
            _options.LabelColumn);
        var task = ResolveTask(labels, sourceName);
        return new PartitionedTable(new DataTable(schema, task, features.ToArray(), labels.ToArray()), partitionOf);
    }

    private static int PartitionOf(string text, Partitioning partitioning, string source, int line)
    {
        for (var p = 0; p < partitioning.Names.Count; p++)
            if (string.Equals(text, partitioning.Names[p], StringComparison.Ordinal)) return p;
        throw new DataFormatException(
            $"split value '{text}' is not one of {string.Join(", ", partitioning.Names.Select(n => $"'{n}'"))}", source, line, partitioning.Column);
    }

    private string[] ReadHeader(TextReader reader, string source)
    {
        var line = reader.ReadLine() ?? throw new DataFormatException("empty file: no header row", source, 1);
        var header = CsvFieldReader.Split(line, _options.Separator, source, 1).ToArray();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0) throw new DataFormatException($"empty column name at position {i + 1}", source, 1);
            if (!seen.TryAdd(header[i], i))
                throw new DataFormatException(
                    $"duplicate column name (positions {seen[header[i]] + 1} and {i + 1})", source, 1, header[i]);
        }

        return header;
    }

    private static double ParseValue(string text, string source, int line, string column, ref bool isInteger)
    {
        if (MissingTokens.Contains(text)) throw new DataFormatException("missing value", source, line, column);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole;
        if (text.TrimStart('+', '-').ToLowerInvariant() is "inf" or "infinity")
            throw new DataFormatException($"non-finite value '{text}'", source, line, column);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new DataFormatException($"non-numeric value '{text}'", source, line, column);
        if (!double.IsFinite(value)) throw new DataFormatException($"non-finite value '{text}'", source, line, column);
        isInteger = false;
        return value;
    }

    private TaskKind ResolveTask(List<double> labels, string source)
    {
        var distinct = labels.Distinct().Count();
        var label = _options.LabelColumn;
        var task = _options.Task ?? InferTask(labels, distinct);
        if (task == TaskKind.Regression) return task;
        if (distinct < 2)
            throw new DataFormatException(
                $"the label has a single class ({labels[0].ToString(CultureInfo.InvariantCulture)}); classification needs at least two",
                source, column: label);
        if (task == TaskKind.Binary && distinct != 2)
            throw new DataFormatException($"binary classification needs exactly 2 classes, the label has {distinct}", source, column: label);
        if (task == TaskKind.Multiclass && distinct < 3)
            throw new DataFormatException("multiclass classification needs at least 3 classes, the label has 2 (use binary)", source, column: label);
        return task;
    }

    private TaskKind InferTask(List<double> labels, int distinct)
    {
        var integral = labels.All(l => l == Math.Floor(l));
        if (!integral || distinct > _options.MaxInferredClasses) return TaskKind.Regression;
        return distinct <= 2 ? TaskKind.Binary : TaskKind.Multiclass;
    }
}
