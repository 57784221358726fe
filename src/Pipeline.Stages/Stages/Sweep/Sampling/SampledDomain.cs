using Pipeline.Stages.Spec;

namespace Pipeline.Stages.Stages.Sweep.Sampling;

/// <summary>
/// A parameter domain in the sampler's internal space: a list is a categorical over its positions; a range is an
/// interval, in log space when <see cref="RangeDomain.Log"/>. Integer ranges are a grid of step 1, or (log and
/// integer) an interval widened by half a step on each side in log space, as Optuna models them.
/// </summary>
internal sealed class SampledDomain
{
    private readonly ParameterDomain _domain;

    private SampledDomain(ParameterDomain domain) => _domain = domain;

    /// <summary>The only value of a one-value list or an empty range; nothing to sample.</summary>
    public ParameterValue? Fixed { get; private init; }

    /// <summary>The number of choices of a list; null for a range.</summary>
    public int? Choices { get; private init; }

    public double Low { get; private init; }

    public double High { get; private init; }

    public double? Step { get; private init; }

    public static SampledDomain For(ParameterDomain domain)
    {
        switch (domain)
        {
            case ValueListDomain list:
                return new SampledDomain(domain) { Choices = list.Values.Count, Fixed = list.Values.Count == 1 ? list.Values[0] : null };
            case RangeDomain range when range.Min == range.Max:
                return new SampledDomain(domain) { Fixed = range.Integer ? ParameterValue.FromInteger((long)range.Min) : ParameterValue.FromNumber(range.Min) };
            case RangeDomain { Log: true, Integer: true } range:
                return new SampledDomain(domain) { Low = Math.Log(range.Min - 0.5), High = Math.Log(range.Max + 0.5) };
            case RangeDomain { Log: true } range:
                return new SampledDomain(domain) { Low = Math.Log(range.Min), High = Math.Log(range.Max) };
            case RangeDomain range:
                return new SampledDomain(domain) { Low = range.Min, High = range.Max, Step = range.Integer ? 1 : null };
            default:
                throw new ArgumentOutOfRangeException(nameof(domain), domain, null);
        }
    }

    /// <summary>Observed values in internal form; values outside the domain (an edited search space) are dropped.</summary>
    public List<double> Observe(IEnumerable<ParameterValue> values)
    {
        var result = new List<double>();
        foreach (var value in values)
        {
            if (_domain is ValueListDomain list)
            {
                var index = IndexOf(list, value);
                if (index >= 0) result.Add(index);
            }
            else if (_domain is RangeDomain range && value.IsNumeric && value.AsDouble() is var x && x >= range.Min && x <= range.Max)
            {
                result.Add(range.Log ? Math.Log(x) : x);
            }
        }

        return result;
    }

    /// <summary>The parameter value of an internal sample, within the declared bounds.</summary>
    public ParameterValue ToValue(double internalValue)
    {
        if (_domain is ValueListDomain list) return list.Values[(int)internalValue];
        var range = (RangeDomain)_domain;
        var x = range.Log ? Math.Exp(internalValue) : internalValue;
        return range.Integer
            ? ParameterValue.FromInteger((long)Math.Clamp(range.Min + Math.Round(x - range.Min), range.Min, range.Max))
            : ParameterValue.FromNumber(Math.Clamp(x, range.Min, range.Max));
    }

    private static int IndexOf(ValueListDomain list, ParameterValue value)
    {
        for (var i = 0; i < list.Values.Count; i++)
        {
            var candidate = list.Values[i];
            if (candidate.Text == value.Text || (candidate.IsNumeric && value.IsNumeric && candidate.AsDouble() == value.AsDouble()))
                return i;
        }

        return -1;
    }
}
