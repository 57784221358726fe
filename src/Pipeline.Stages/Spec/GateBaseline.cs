using System.Globalization;

namespace Pipeline.Stages.Spec;

/// <summary>
/// A gate's threshold taken from another model version: the recorded evaluation of the version holding
/// <paramref name="Alias"/>, its value of <paramref name="Metric"/>, plus <paramref name="Offset"/>. Written
/// <c>champion.roc_auc - 0.002</c>.
/// </summary>
/// <param name="Alias">The registered-model alias whose holder is the baseline, e.g. <c>champion</c>.</param>
/// <param name="Metric">The holder's evaluation metric.</param>
/// <param name="Offset">Added to the holder's value (negative for <c>- 0.002</c>); 0 when none is written.</param>
public sealed record GateBaseline(string Alias, string Metric, double Offset)
{
    /// <inheritdoc />
    public override string ToString() => Offset switch
    {
        0 => $"{Alias}.{Metric}",
        < 0 => $"{Alias}.{Metric} - {(-Offset).ToString("R", CultureInfo.InvariantCulture)}",
        _ => $"{Alias}.{Metric} + {Offset.ToString("R", CultureInfo.InvariantCulture)}",
    };
}
