using Spectre.Console;

namespace Pipeline.Cli.Listing;

/// <summary>
/// Writes the listing tables. On a terminal, Spectre's own detection (colours, Unicode borders, the terminal width);
/// when stdout is redirected the output is plain: no ANSI codes, ASCII borders and no width limit, which keeps each row
/// on one line for grep and logs. Spectre never gets a table wider than its width: it would squeeze every column into
/// broken words, or print a lone '…' when even that fails.
/// </summary>
internal static class TableConsole
{
    // Spectre's simple border: one space before the table, then per column a space of padding on each side and a
    // separator space.
    private const int TableOverhead = 1;
    private const int ColumnOverhead = 3;
    private const int NamedHiddenColumns = 5;
    private const int RedirectedMinimumWidth = 4096;

    /// <summary>
    /// Writes <paramref name="headers"/> and <paramref name="rows"/> to <paramref name="output"/>. The first
    /// <paramref name="fixedColumns"/> are always written; on a terminal, the later columns are written in order while
    /// they fit its width, and <paramref name="notes"/> names those left out. When the fixed columns alone are wider than
    /// the terminal, they are written whole and the terminal wraps the lines. <paramref name="style"/> colours a cell
    /// (row, column) and headers are bold, on a terminal only: redirected output never carries ANSI codes.
    /// </summary>
    public static void Write(
        TextWriter output, bool redirected, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, int fixedColumns, TextWriter notes,
        Func<int, int, Style?>? style = null)
    {
        var console = Create(output, redirected);
        var options = Spectre.Console.Rendering.RenderOptions.Create(console);
        int CellWidth(string text) => ((Spectre.Console.Rendering.IRenderable)new Text(text)).Measure(options, int.MaxValue).Max;
        var widths = headers.Select((h, i) => rows.Select(r => CellWidth(r[i])).Prepend(CellWidth(h)).Max()).ToList();
        var terminalWidth = console.Profile.Width;
        var shown = redirected ? headers.Count : ColumnsThatFit(widths, fixedColumns, terminalWidth);
        // Redirected: as wide as the table (at least the old fixed 4096), so no row ever wraps.
        console.Profile.Width = Math.Max(redirected ? RedirectedMinimumWidth : console.Profile.Width, TableWidth(widths.Take(shown)));

        var table = new Table { Border = TableBorder.Simple };
        foreach (var header in headers.Take(shown))
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))) { NoWrap = true });
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var index = r;
            table.AddRow(rows[r].Take(shown).Select((cell, c) => (Spectre.Console.Rendering.IRenderable)new Text(cell, style?.Invoke(index, c))));
        }

        console.Write(table);
        if (shown < headers.Count)
        {
            var hidden = headers.Skip(shown).ToList();
            var named = string.Join(", ", hidden.Take(NamedHiddenColumns)) + (hidden.Count > NamedHiddenColumns ? ", ..." : "");
            notes.WriteLine($"note: {hidden.Count} more column(s) do not fit the terminal's {terminalWidth} characters ({named}); " +
                "redirect or pipe the output (e.g. '| less -S') to see every column.");
        }
    }

    /// <summary>How many leading columns fit <paramref name="width"/>: at least <paramref name="fixedColumns"/>.</summary>
    internal static int ColumnsThatFit(IReadOnlyList<int> widths, int fixedColumns, int width)
    {
        var shown = Math.Min(fixedColumns, widths.Count);
        var used = TableWidth(widths.Take(shown));
        while (shown < widths.Count && used + widths[shown] + ColumnOverhead <= width)
        {
            used += widths[shown++] + ColumnOverhead;
        }

        return shown;
    }

    private static int TableWidth(IEnumerable<int> columnWidths) => TableOverhead + columnWidths.Sum(w => w + ColumnOverhead);

    private static IAnsiConsole Create(TextWriter output, bool redirected)
    {
        if (!redirected)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Capabilities.Unicode = false;
        return console;
    }
}
