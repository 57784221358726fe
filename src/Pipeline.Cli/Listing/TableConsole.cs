using Spectre.Console;

namespace Pipeline.Cli.Listing;

/// <summary>
/// The console tables are written to. On a terminal, Spectre's own detection (colours, Unicode borders, the terminal
/// width). When stdout is redirected Spectre would still wrap at 80 columns and may pick Unicode borders, so there the
/// output is plain: no ANSI codes, ASCII borders and no width limit, which keeps each row on one line for grep and logs.
/// </summary>
internal static class TableConsole
{
    private const int UnlimitedWidth = 4096;

    public static IAnsiConsole Create(TextWriter output, bool redirected)
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
        console.Profile.Width = UnlimitedWidth;
        console.Profile.Capabilities.Unicode = false;
        return console;
    }

    /// <summary>A borderless table with an underlined header: aligned columns that read the same in a terminal and a log.</summary>
    public static Table NewTable(IEnumerable<string> headers)
    {
        var table = new Table { Border = TableBorder.Simple };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)) { NoWrap = true });
        }

        return table;
    }

    public static void Write(Table table, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)));
        }
    }
}
