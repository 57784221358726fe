namespace Pipeline.Stages.Spec;

/// <summary>
/// A list of values, e.g. <c>C: [0.01, 0.1, 1.0]</c>. Grid search takes each in order; random search picks one
/// uniformly. A single scalar (<c>C: 1.0</c>) is a one-element list.
/// </summary>
/// <param name="Values">At least one value, in file order.</param>
public sealed record ValueListDomain(IReadOnlyList<ParameterValue> Values) : ParameterDomain;
