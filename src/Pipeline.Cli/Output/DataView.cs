using System.Text.Json;
using Spectre.Console;

namespace Pipeline.Cli.Output;

/// <summary>
/// What a data command prints, in every form it can take: the table's (and CSV's) columns and cells, and the JSON
/// document for scripts (MLflow's entity fields, written by <see cref="Json"/>). <see cref="FixedColumns"/> are never
/// dropped on a narrow terminal; <see cref="Style"/> colours a cell on a terminal (row, column; null for plain).
/// </summary>
internal sealed record DataView(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, Action<Utf8JsonWriter> Json)
{
    /// <summary>Columns always shown on a terminal; by default all of them.</summary>
    public int? FixedColumns { get; init; }

    public Func<int, int, Style?>? Style { get; init; }
}
