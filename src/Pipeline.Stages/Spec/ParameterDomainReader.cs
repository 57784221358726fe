using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>Reads one <c>params</c> value: a list (or single scalar) of values, or a numeric range.</summary>
internal static class ParameterDomainReader
{
    private static readonly IReadOnlyList<string> RangeKeys = ["min", "max", "log", "integer"];

    /// <summary>Reads the value at <paramref name="node"/>; null (with the error reported to <paramref name="reader"/>) when it is invalid.</summary>
    /// <param name="reader">Collects errors with their file, line and column.</param>
    /// <param name="node">The YAML value of one parameter.</param>
    /// <param name="path">Where the value sits in the file, for error messages.</param>
    /// <param name="descriptor">The trainer's parameter, or null when the trainer or parameter is unknown.</param>
    /// <param name="strategy">The sweep's strategy, or null when unknown: a range needs random or tpe, not grid.</param>
    public static ParameterDomain? Read(
        SpecReader reader, YamlNode node, string path, ParameterDescriptor? descriptor, SweepStrategy? strategy)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                return ReadList(reader, sequence, path, descriptor);
            case YamlMappingNode mapping:
                return ReadRange(reader, mapping, path, descriptor, strategy);
            case YamlScalarNode scalar when !YamlScalars.IsNull(scalar):
                var single = ReadValue(reader, scalar, path, descriptor);
                return single is null ? null : new ValueListDomain([single]);
            default:
                reader.Error(node, path, "expected a list of values or a range {min, max}, got null");
                return null;
        }
    }

    private static ValueListDomain? ReadList(
        SpecReader reader, YamlSequenceNode sequence, string path, ParameterDescriptor? descriptor)
    {
        if (sequence.Children.Count == 0)
        {
            reader.Error(sequence, path, "the list of values is empty");
            return null;
        }

        var values = new List<ParameterValue>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var itemPath = $"{path}[{i}]";
            if (item is not YamlScalarNode scalar || YamlScalars.IsNull(item))
            {
                reader.Error(item, itemPath, $"expected a scalar value, got {YamlScalars.Describe(item)}");
                continue;
            }

            if (ReadValue(reader, scalar, itemPath, descriptor) is { } value)
            {
                values.Add(value);
            }
        }

        return values.Count == sequence.Children.Count ? new ValueListDomain(values) : null;
    }

    private static ParameterValue? ReadValue(
        SpecReader reader, YamlScalarNode scalar, string path, ParameterDescriptor? descriptor)
    {
        var value = YamlScalars.ToParameterValue(scalar);
        if (descriptor is null) return value;
        var got = YamlScalars.Describe(scalar);
        switch (descriptor.Type)
        {
            case ParameterType.Real when value.IsNumeric:
                value = ParameterValue.FromNumber(value.AsDouble(), value.Text);
                break;
            case ParameterType.Real:
                reader.Error(scalar, path, $"expected a number, got {got}");
                return null;
            case ParameterType.Integer when value.Kind != ParameterValueKind.Integer:
                reader.Error(scalar, path, $"expected an integer, got {got}");
                return null;
            case ParameterType.Boolean when value.Kind != ParameterValueKind.Boolean:
                reader.Error(scalar, path, $"expected true or false, got {got}");
                return null;
            case ParameterType.Choice when !descriptor.Choices.Contains(scalar.Value ?? "", StringComparer.Ordinal):
                reader.Error(scalar, path,
                    $"unknown value {got}{KeySuggester.Hint(scalar.Value ?? "", descriptor.Choices)} (allowed: {string.Join(", ", descriptor.Choices)})");
                return null;
            case ParameterType.Choice:
                value = ParameterValue.FromString(scalar.Value ?? "");
                break;
        }

        if (value.IsNumeric && !descriptor.Allows(value.AsDouble()))
        {
            reader.Error(scalar, path, $"{value.Text} is outside the allowed range {descriptor.DescribeRange()} of '{descriptor.Name}'");
            return null;
        }

        return value;
    }

    private static RangeDomain? ReadRange(
        SpecReader reader, YamlMappingNode mapping, string path, ParameterDescriptor? descriptor, SweepStrategy? strategy)
    {
        var map = new MappingReader(reader, mapping, path, RangeKeys);
        var min = map.Number("min", required: true);
        var max = map.Number("max", required: true);
        var log = map.Boolean("log") ?? false;
        var integer = map.Boolean("integer");
        var ok = min is not null && max is not null;

        if (strategy == SweepStrategy.Grid)
        {
            reader.Error(mapping, path, "a range {min, max} needs strategy 'random' or 'tpe'; for grid search list the values");
            ok = false;
        }

        if (descriptor is { Type: ParameterType.Boolean or ParameterType.Choice })
        {
            reader.Error(mapping, path, $"'{descriptor.Name}' is not numeric; list its values instead of a range");
            return null;
        }

        if (descriptor is { Type: ParameterType.Integer })
        {
            if (integer == false)
            {
                reader.Error(map.Get("integer")!, map.PathOf("integer"), $"'{descriptor.Name}' is an integer parameter; integer cannot be false");
                ok = false;
            }

            integer = true;
        }

        if (!ok) return null;
        return Check(reader, map, new RangeDomain(min!.Value, max!.Value, log, integer ?? false), descriptor);
    }

    private static RangeDomain? Check(SpecReader reader, MappingReader map, RangeDomain range, ParameterDescriptor? descriptor)
    {
        var errorsBefore = reader.ErrorCount;
        if (range.Min > range.Max)
        {
            reader.Error(map.Get("max")!, map.PathOf("max"), $"max ({range.Max}) is less than min ({range.Min})");
        }

        if (range.Log && range.Min <= 0)
        {
            reader.Error(map.Get("min")!, map.PathOf("min"), "a log range needs min > 0");
        }

        if (range.Integer)
        {
            foreach (var key in new[] { "min", "max" })
            {
                var value = key == "min" ? range.Min : range.Max;
                if (Math.Floor(value) != value)
                {
                    reader.Error(map.Get(key)!, map.PathOf(key), $"an integer range needs whole bounds, got {value}");
                }
            }
        }

        if (descriptor is not null)
        {
            foreach (var key in new[] { "min", "max" })
            {
                var value = key == "min" ? range.Min : range.Max;
                if (!descriptor.Allows(value))
                {
                    reader.Error(map.Get(key)!, map.PathOf(key),
                        $"{value} is outside the allowed range {descriptor.DescribeRange()} of '{descriptor.Name}'");
                }
            }
        }

        return reader.ErrorCount == errorsBefore ? range : null;
    }
}
