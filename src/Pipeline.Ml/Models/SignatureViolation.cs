namespace Pipeline.Ml.Models;

/// <summary>One way an input breaks a model signature.</summary>
/// <param name="Column">The column at fault.</param>
/// <param name="Row">The 0-based row, or null when the whole column is at fault (e.g. missing).</param>
/// <param name="Message">A complete sentence naming the column, row and value.</param>
public sealed record SignatureViolation(string Column, int? Row, string Message);
