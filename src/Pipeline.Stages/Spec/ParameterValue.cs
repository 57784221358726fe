using System.Globalization;

namespace Pipeline.Stages.Spec;

/// <summary>
/// One value of a trainer parameter. <see cref="Text"/> is the form logged as the MLflow param: the literal
/// from the file (so <c>1.0</c> stays <c>1.0</c>) or, for random draws, the shortest round-trip form.
/// </summary>
public sealed record ParameterValue
{
    private readonly double number;
    private readonly bool boolean;

    private ParameterValue(ParameterValueKind kind, string text, double number, bool boolean)
    {
        Kind = kind;
        Text = text;
        this.number = number;
        this.boolean = boolean;
    }

    /// <summary>What the value was read as.</summary>
    public ParameterValueKind Kind { get; }

    /// <summary>The value as text (the MLflow param value).</summary>
    public string Text { get; }

    /// <summary>A whole number.</summary>
    public static ParameterValue FromInteger(long value) =>
        new(ParameterValueKind.Integer, value.ToString(CultureInfo.InvariantCulture), value, false);

    /// <summary>A real number; <paramref name="text"/> keeps the file's spelling when given.</summary>
    public static ParameterValue FromNumber(double value, string? text = null) =>
        double.IsFinite(value)
            ? new(ParameterValueKind.Number, text ?? value.ToString("R", CultureInfo.InvariantCulture), value, false)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A parameter value must be finite.");

    /// <summary>A boolean, written <c>true</c> or <c>false</c>.</summary>
    public static ParameterValue FromBoolean(bool value) =>
        new(ParameterValueKind.Boolean, value ? "true" : "false", 0, value);

    /// <summary>A string (e.g. a choice such as a solver name).</summary>
    public static ParameterValue FromString(string value) =>
        new(ParameterValueKind.String, value ?? throw new ArgumentNullException(nameof(value)), 0, false);

    /// <summary>True for <see cref="ParameterValueKind.Integer"/> and <see cref="ParameterValueKind.Number"/>.</summary>
    public bool IsNumeric => Kind is ParameterValueKind.Integer or ParameterValueKind.Number;

    /// <summary>The value as a double; integers widen.</summary>
    /// <exception cref="InvalidOperationException">The value is not numeric.</exception>
    public double AsDouble() => IsNumeric ? number : throw WrongKind("a number");

    /// <summary>The value as an int.</summary>
    /// <exception cref="InvalidOperationException">The value is not an integer within the range of int.</exception>
    public int AsInt32() =>
        Kind == ParameterValueKind.Integer && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw WrongKind("an int");

    /// <summary>The value as a bool.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => Kind == ParameterValueKind.Boolean ? boolean : throw WrongKind("a boolean");

    /// <inheritdoc />
    public override string ToString() => Text;

    private InvalidOperationException WrongKind(string wanted) =>
        new($"Parameter value '{Text}' ({Kind}) is not {wanted}.");
}
