using System.Text.RegularExpressions;

namespace Pipeline.Stages.Spec;

/// <summary>Reads the serve section's champion/challenger and prediction-log keys.</summary>
internal static partial class ServeSectionReader
{
    public static ServeSpec ReadChallengerAndLog(SpecReader reader, MappingReader map, ServeSpec serve)
    {
        var challenger = map.String("challenger")?.Trim();
        if (challenger is not null && !ModelUri().IsMatch(challenger))
        {
            reader.Error(map.Get("challenger")!, map.PathOf("challenger"),
                $"'{challenger}' is not a registry model URI: expected models:/<name>@<alias> or models:/<name>/<version>, e.g. models:/breast-cancer-classifier@challenger");
            challenger = null;
        }

        var split = map.Number("split", v => v is >= 0 and <= 1, "a share from 0 to 1");
        var shadow = map.Boolean("shadow");
        var sticky = map.String("sticky_header")?.Trim();
        if (sticky is not null && !HeaderName().IsMatch(sticky))
            reader.Error(map.Get("sticky_header")!, map.PathOf("sticky_header"), $"'{sticky}' is not an HTTP header name");
        if (map.Get("challenger") is null)
        {
            // Without a challenger these would silently do nothing.
            foreach (var key in new[] { "split", "shadow", "sticky_header" }.Where(k => map.Get(k) is not null))
                reader.Error(map.Get(key)!, map.PathOf(key), $"{key} needs serve.challenger (the model that answers beside the champion)");
        }

        if (shadow == true && split is not null)
            reader.Error(map.Get("split")!, map.PathOf("split"), "split has no effect with shadow: true (the champion answers every request); remove one of them");

        var log = map.String("log_predictions")?.Trim();
        var inputs = map.String("log_inputs")?.Trim();
        if (inputs is not null and not ("full" or "hash"))
            reader.Error(map.Get("log_inputs")!, map.PathOf("log_inputs"), $"unknown value '{inputs}' (allowed: full, hash)");
        var sample = map.Number("log_sample", v => v is > 0 and <= 1, "a share above 0 and at most 1");
        if (log is null)
        {
            foreach (var key in new[] { "log_inputs", "log_sample" }.Where(k => map.Get(k) is not null))
                reader.Error(map.Get(key)!, map.PathOf(key), $"{key} needs serve.log_predictions (a folder, or tracking)");
        }

        return serve with
        {
            Challenger = challenger,
            Split = split ?? ServeSpec.DefaultSplit,
            Shadow = shadow ?? false,
            StickyHeader = sticky ?? ServeSpec.DefaultStickyHeader,
            LogPredictions = log,
            LogInputs = inputs is "hash" ? "hash" : "full",
            LogSample = sample ?? 1,
        };
    }

    [GeneratedRegex(@"^models:/[^/@\s]+(@[\w\-]+|/[1-9][0-9]*)$")]
    private static partial Regex ModelUri();

    // RFC 9110's token characters.
    [GeneratedRegex(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")]
    private static partial Regex HeaderName();
}
