namespace Pipeline.Stages.Spec;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints.</summary>
internal static class KeySuggester
{
    /// <summary>The closest candidate within a small edit distance, or null when none is close.</summary>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // A third of the length (at least 2 edits) catches typos and dropped prefixes without
        // suggesting unrelated names for short keys.
        if (best is not null && bestDistance <= Math.Max(2, given.Length / 3)) return best;

        // A dropped prefix or suffix ("auc" for "roc_auc"): suggest only when exactly one name contains it.
        var containing = given.Length < 3
            ? []
            : candidates.Where(c => c.Contains(given, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return containing.Count == 1 ? containing[0] : null;
    }

    /// <summary><c>, did you mean 'x'?</c> or empty.</summary>
    public static string Hint(string given, IEnumerable<string> candidates) =>
        Closest(given, candidates) is { } close ? $"; did you mean '{close}'?" : "";

    private static int Distance(string a, string b)
    {
        // Optimal string alignment: Levenshtein plus adjacent transpositions ("cv_fodls").
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
