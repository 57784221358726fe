namespace Pipeline.Stages.Spec;

/// <summary>
/// The values a parameter may take in a sweep: either a <see cref="ValueListDomain"/> (a YAML list, or a
/// single scalar meaning a one-element list) or a <see cref="RangeDomain"/> (a mapping
/// <c>{min, max, log, integer}</c>, allowed only with the <c>random</c> strategy).
/// </summary>
public abstract record ParameterDomain
{
    private protected ParameterDomain()
    {
    }
}
