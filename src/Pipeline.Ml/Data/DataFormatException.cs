namespace Pipeline.Ml.Data;

/// <summary>
/// Bad input data. <see cref="Line"/> is the 1-based line of the file (the header is line 1) and
/// <see cref="Column"/> the column name, when the problem is tied to them.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataFormatException(string message, string? source = null, int? line = null, string? column = null)
        : base(Compose(message, source, line, column))
    {
        Line = line;
        Column = column;
        DataSource = source;
    }

    /// <summary>The 1-based file line, or null when the problem is not tied to one line.</summary>
    public int? Line { get; }

    /// <summary>The column name, or null when the problem is not tied to one column.</summary>
    public string? Column { get; }

    /// <summary>The file or source name, if known.</summary>
    public string? DataSource { get; }

    private static string Compose(string message, string? source, int? line, string? column)
    {
        var where = new List<string>();
        if (source is not null) where.Add(source);
        if (line is not null) where.Add($"line {line}");
        if (column is not null) where.Add($"column '{column}'");
        return where.Count == 0 ? message : $"{string.Join(", ", where)}: {message}";
    }
}
