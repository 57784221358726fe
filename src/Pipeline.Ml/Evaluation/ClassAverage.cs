namespace Pipeline.Ml.Evaluation;

/// <summary>How per-class multiclass scores are averaged (scikit-learn's <c>average</c>).</summary>
public enum ClassAverage
{
    /// <summary>Weighted by each class's count of true rows: MLflow's default.</summary>
    Weighted,

    /// <summary>Unweighted mean over classes.</summary>
    Macro,
}
