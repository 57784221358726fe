using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Cli.Listing;

namespace Pipeline.Cli.Output;

/// <summary>Writes a <see cref="DataView"/> in the chosen <see cref="OutputFormat"/> to stdout; notes go to stderr.</summary>
internal static class DataViewWriter
{
    public static void Write(DataView view, OutputFormat format) =>
        Write(view, format, Console.Out, Console.IsOutputRedirected, Console.Error);

    public static void Write(DataView view, OutputFormat format, TextWriter output, bool redirected, TextWriter notes)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(ToJson(view.Json));
                break;
            case OutputFormat.Csv:
                CsvText.Write(output, view.Headers, view.Rows);
                break;
            default:
                TableConsole.Write(output, redirected, view.Headers, view.Rows, view.FixedColumns ?? view.Headers.Count, notes, view.Style);
                break;
        }
    }

    /// <summary>Indented JSON; non-ASCII text stays readable (not \u-escaped).</summary>
    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
