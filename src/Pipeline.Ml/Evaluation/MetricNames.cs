namespace Pipeline.Ml.Evaluation;

/// <summary>The metric names of MLflow's default evaluator (classifier and regressor).</summary>
public static class MetricNames
{
    /// <summary>Binary: negatives predicted negative.</summary>
    public const string TrueNegatives = "true_negatives";
    /// <summary>Binary: negatives predicted positive.</summary>
    public const string FalsePositives = "false_positives";
    /// <summary>Binary: positives predicted negative.</summary>
    public const string FalseNegatives = "false_negatives";
    /// <summary>Binary: positives predicted positive.</summary>
    public const string TruePositives = "true_positives";
    /// <summary>The number of rows evaluated.</summary>
    public const string ExampleCount = "example_count";
    /// <summary>Fraction of correct predictions.</summary>
    public const string Accuracy = "accuracy_score";
    /// <summary>Recall (binary: of the positive class; multiclass: support-weighted).</summary>
    public const string Recall = "recall_score";
    /// <summary>Precision (binary: of the positive class; multiclass: support-weighted).</summary>
    public const string Precision = "precision_score";
    /// <summary>F1 (binary: of the positive class; multiclass: support-weighted).</summary>
    public const string F1 = "f1_score";
    /// <summary>Mean negative log-likelihood of the true class.</summary>
    public const string LogLoss = "log_loss";
    /// <summary>Area under the ROC curve (multiclass: one-vs-rest, support-weighted).</summary>
    public const string RocAuc = "roc_auc";
    /// <summary>Average precision (scikit-learn's average_precision_score), which MLflow names this.</summary>
    public const string PrecisionRecallAuc = "precision_recall_auc";
    /// <summary>Regression: mean |y − ŷ|.</summary>
    public const string MeanAbsoluteError = "mean_absolute_error";
    /// <summary>Regression: mean (y − ŷ)².</summary>
    public const string MeanSquaredError = "mean_squared_error";
    /// <summary>Regression: √MSE.</summary>
    public const string RootMeanSquaredError = "root_mean_squared_error";
    /// <summary>Regression: Σ y.</summary>
    public const string SumOnTarget = "sum_on_target";
    /// <summary>Regression: mean y.</summary>
    public const string MeanOnTarget = "mean_on_target";
    /// <summary>Regression: coefficient of determination.</summary>
    public const string R2 = "r2_score";
    /// <summary>Regression: max |y − ŷ|.</summary>
    public const string MaxError = "max_error";
    /// <summary>Regression: mean |y − ŷ| / max(|y|, ε).</summary>
    public const string MeanAbsolutePercentageError = "mean_absolute_percentage_error";
}
