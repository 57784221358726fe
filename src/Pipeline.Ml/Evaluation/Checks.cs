namespace Pipeline.Ml.Evaluation;

/// <summary>Argument checks shared by the evaluators, with messages naming the row.</summary>
internal static class Checks
{
    public static void SameLength<TA, TB>(IReadOnlyList<TA> actual, IReadOnlyList<TB> predicted)
    {
        if (actual.Count == 0) throw new ArgumentException("No examples to evaluate.");
        if (actual.Count != predicted.Count)
            throw new ArgumentException($"{actual.Count} true values but {predicted.Count} predictions.");
    }

    public static void SameLength<TA, TB, TC>(IReadOnlyList<TA> actual, IReadOnlyList<TB> predicted, IReadOnlyList<TC>? third)
    {
        SameLength(actual, predicted);
        if (third is not null && third.Count != actual.Count)
            throw new ArgumentException($"{actual.Count} true values but {third.Count} probability rows.");
    }

    public static void Class(int value, int classes, int row)
    {
        if (value < 0 || value >= classes)
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Row {row}: class index must be in [0, {classes}).");
    }
}
