namespace Pipeline.Stages.Spec;

/// <summary>
/// A numeric interval for random search, e.g. <c>learning_rate: {min: 0.05, max: 0.3, log: true}</c>.
/// Both bounds are inclusive.
/// </summary>
/// <param name="Min"><c>min</c> (number, required): the lower bound; must be &gt; 0 when <paramref name="Log"/>.</param>
/// <param name="Max"><c>max</c> (number, required): the upper bound; &gt;= <paramref name="Min"/>.</param>
/// <param name="Log"><c>log</c> (bool, default false): draw log-uniformly instead of uniformly.</param>
/// <param name="Integer">
/// <c>integer</c> (bool, default false, or true when the trainer's parameter is an integer): draw whole numbers;
/// both bounds must then be whole.
/// </param>
public sealed record RangeDomain(double Min, double Max, bool Log, bool Integer) : ParameterDomain;
