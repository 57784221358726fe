using System.Globalization;

namespace Pipeline.Bench;

/// <summary>
/// Command line: <c>--postgres URI</c> adds a PostgreSQL pass; <c>--scale F</c> multiplies every count (default 1);
/// <c>--only abcd</c> picks figures by letter (default all); <c>--keep</c> leaves the SQLite file behind for inspection.
/// </summary>
internal sealed record BenchOptions(string? PostgresUri, double Scale, string Only, bool Keep)
{
    public static BenchOptions? Parse(string[] args)
    {
        string? postgres = null;
        var scale = 1.0;
        var only = "abcd";
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--postgres" when i + 1 < args.Length:
                    postgres = args[++i];
                    break;
                case "--scale" when i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out scale) && scale > 0:
                    i++;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    return null;
            }
        }

        return new BenchOptions(postgres, scale, only, keep);
    }
}
