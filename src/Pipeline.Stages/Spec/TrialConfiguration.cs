namespace Pipeline.Stages.Spec;

/// <summary>One configuration of a sweep: a trainer and a value for each parameter the search space names.</summary>
/// <param name="Index">0-based position in the sweep; child runs are numbered by it.</param>
/// <param name="Trainer">The trainer name.</param>
/// <param name="Parameters">Parameter values in the search space's file order; unnamed ones keep defaults.</param>
public sealed record TrialConfiguration(
    int Index,
    string Trainer,
    IReadOnlyList<KeyValuePair<string, ParameterValue>> Parameters)
{
    /// <summary>The value of <paramref name="name"/>, or null when the search space leaves it at its default.</summary>
    public ParameterValue? Find(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.Ordinal)).Value;

    /// <summary>E.g. <c>lbfgs_logistic_regression(C=0.1)</c>.</summary>
    public override string ToString() =>
        $"{Trainer}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value.Text}"))})";
}
