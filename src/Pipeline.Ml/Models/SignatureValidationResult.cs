namespace Pipeline.Ml.Models;

/// <summary>The outcome of checking an input against a signature (<see cref="SignatureValidator"/>).</summary>
/// <param name="Violations">Every violation found; empty when the input fits.</param>
public sealed record SignatureValidationResult(IReadOnlyList<SignatureViolation> Violations)
{
    /// <summary>True when there are no violations.</summary>
    public bool IsValid => Violations.Count == 0;

    /// <summary>All messages, one a line (empty when valid).</summary>
    public string Message => string.Join(Environment.NewLine, Violations.Select(v => v.Message));

    /// <summary>Throws <see cref="ArgumentException"/> carrying <see cref="Message"/> when invalid.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ArgumentException(Message);
    }
}
