using System.CommandLine;

namespace Pipeline.Cli.Output;

/// <summary>How a command that prints data writes it: a table for people, JSON for scripts and CI, CSV for spreadsheets.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary><c>--output table|json|csv</c> (<c>-o</c>), declared once so every data command reads the same.</summary>
internal static class OutputOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "How to print: table (default; coloured on a terminal), json (for scripts and CI) or csv.",
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json", "csv");
        return option;
    }

    public static OutputFormat Parse(string? value) => value switch
    {
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => OutputFormat.Table,
    };
}
