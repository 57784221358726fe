using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>
/// A fitted ML.NET pipeline and what is needed to use it: the input schema it takes (one Single column
/// per feature, named as in the data), the configuration it was trained with, the class values for
/// classification (index order of its Score vector / PredictedLabel key), and the fit time.
/// </summary>
public sealed record TrainedModel(
    ITransformer Transformer,
    DataViewSchema InputSchema,
    TrainerConfiguration Configuration,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<double> ClassValues,
    TimeSpan FitTime);
