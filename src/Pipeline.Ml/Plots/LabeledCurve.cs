namespace Pipeline.Ml.Plots;

/// <summary>One named series of a multi-curve plot, e.g. one class of a one-vs-rest ROC plot.</summary>
/// <param name="Label">The legend text, e.g. <c>label=2, AUC=0.981</c>.</param>
/// <param name="Points">The curve.</param>
public sealed record LabeledCurve(string Label, CurvePoints Points);
