namespace Pipeline.Stages.Monitoring;

/// <summary>
/// Joins logged predictions with labels by request id and row. In shadow mode the log holds two predictions for a row (the
/// champion's and the shadow's): the label joins both, each to its version. Nothing is dropped silently: labels no
/// prediction matched, predictions no label matched, and repeated labels or predictions for one row are counted.
/// </summary>
public static class PredictionJoin
{
    /// <summary>Joins <paramref name="predictions"/> (streamed once) with <paramref name="labels"/>.</summary>
    public static JoinResult Join(IEnumerable<LoggedPrediction> predictions, IReadOnlyList<LabelRow> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var byKey = new Dictionary<(string, int), LabelRow>();
        var duplicateLabels = 0;
        foreach (var label in labels)
        {
            // The first label of a row stands; a later one is counted, not averaged in.
            if (!byKey.TryAdd((label.RequestId, label.Row), label))
                duplicateLabels++;
        }

        var matched = new HashSet<(string, int)>();
        var versions = new Dictionary<string, VersionAccumulator>(StringComparer.Ordinal);
        var duplicatePredictions = 0;
        foreach (var prediction in predictions)
        {
            if (!versions.TryGetValue(prediction.ModelVersion, out var version))
                versions[prediction.ModelVersion] = version = new VersionAccumulator();
            var key = (prediction.RequestId, prediction.Row);
            if (!version.Seen.Add(key))
            {
                duplicatePredictions++;
                continue;
            }

            version.Logged++;
            if (prediction.Role is { } role)
                version.Roles[role] = version.Roles.GetValueOrDefault(role) + 1;
            if (byKey.TryGetValue(key, out var label))
            {
                matched.Add(key);
                version.Rows.Add(new JoinedRow(prediction.RequestId, prediction.Row, label.Label, prediction.Prediction, prediction.Probabilities));
            }
            else
            {
                version.Unlabelled++;
            }
        }

        var rows = versions.Select(kv => new VersionRows(
                kv.Key, kv.Value.Roles.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault(),
                kv.Value.Rows, kv.Value.Logged, kv.Value.Unlabelled))
            .OrderBy(v => RoleOrder(v.Role)).ThenBy(v => v.Version, VersionComparer.Instance).ToList();
        return new JoinResult(rows, labels.Count, byKey.Count - matched.Count, duplicateLabels, duplicatePredictions);
    }

    /// <summary>The champion first, then challengers and shadows, then versions served without a role.</summary>
    private static int RoleOrder(string? role) => role switch
    {
        "champion" => 0,
        "challenger" => 1,
        "shadow" => 2,
        _ => 3,
    };

    private sealed class VersionAccumulator
    {
        public HashSet<(string, int)> Seen { get; } = [];
        public Dictionary<string, int> Roles { get; } = new(StringComparer.Ordinal);
        public List<JoinedRow> Rows { get; } = [];
        public int Logged { get; set; }
        public int Unlabelled { get; set; }
    }
}
