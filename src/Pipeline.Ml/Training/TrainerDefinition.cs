using Microsoft.ML;
using Pipeline.Ml.Data;

namespace Pipeline.Ml.Training;

/// <summary>A trainer in the <see cref="TrainerCatalog"/>: its name, task, parameters and how to build it.</summary>
public sealed class TrainerDefinition
{
    private readonly Func<MLContext, TrainerBuildContext, IEstimator<ITransformer>> _factory;

    internal TrainerDefinition(
        string name,
        TaskKind task,
        string description,
        IReadOnlyList<TrainerParameter> parameters,
        Func<MLContext, TrainerBuildContext, IEstimator<ITransformer>> factory)
    {
        Name = name;
        Task = task;
        Description = description;
        Parameters = parameters;
        _factory = factory;
    }

    /// <summary>The catalog name, e.g. <c>lbfgs_logistic_regression</c>.</summary>
    public string Name { get; }

    /// <summary>The task it trains for.</summary>
    public TaskKind Task { get; }

    /// <summary>The ML.NET trainer behind it and any mapping of parameters.</summary>
    public string Description { get; }

    /// <summary>The declared parameters.</summary>
    public IReadOnlyList<TrainerParameter> Parameters { get; }

    internal IEstimator<ITransformer> Create(MLContext context, TrainerBuildContext build) => _factory(context, build);
}
