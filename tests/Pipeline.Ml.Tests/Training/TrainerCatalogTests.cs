using Pipeline.Ml.Data;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public class TrainerCatalogTests
{
    private readonly TrainerCatalog _catalog = TrainerCatalog.Default;

    [Theory]
    [InlineData(TaskKind.Binary, "lbfgs_logistic_regression,sdca_logistic_regression,fast_tree,lightgbm")]
    [InlineData(TaskKind.Multiclass, "lbfgs_maximum_entropy,sdca_maximum_entropy,fast_tree,lightgbm")]
    [InlineData(TaskKind.Regression, "sdca_regression,lbfgs_poisson_regression,fast_tree,lightgbm")]
    public void For_Task_ListsItsTrainers(TaskKind task, string names)
    {
        Assert.Equal(names.Split(','), _catalog.For(task).Select(d => d.Name));
    }

    [Fact]
    public void Defaults_AreWithinTheirOwnRanges()
    {
        var parameters = Enum.GetValues<TaskKind>().SelectMany(t => _catalog.For(t)).SelectMany(d => d.Parameters);

        Assert.All(parameters, p => Assert.Null(p.Check(p.Default)));
    }

    [Fact]
    public void Resolve_NoValues_FillsDefaults()
    {
        var configuration = _catalog.Resolve(TaskKind.Binary, "sdca_logistic_regression");

        Assert.Equal(1.0, configuration["C"]);
        Assert.Equal(1e-6, configuration["tolerance"]);
        Assert.Equal(42, configuration.Seed);
    }

    [Fact]
    public void Resolve_StringNumberFromYaml_IsParsed()
    {
        var configuration = _catalog.Resolve(TaskKind.Binary, "lbfgs_logistic_regression", new Dictionary<string, object?> { ["C"] = "0.5" });

        Assert.Equal(0.5, configuration["C"]);
    }

    [Fact]
    public void Resolve_UnknownTrainer_ListsTheTasksTrainers()
    {
        var error = Assert.Throws<TrainerConfigurationException>(() => _catalog.Resolve(TaskKind.Multiclass, "lbfgs_logistic_regression"));

        Assert.Contains("known: lbfgs_maximum_entropy, sdca_maximum_entropy, fast_tree, lightgbm", error.Message);
        Assert.Null(error.Parameter);
    }

    [Fact]
    public void Resolve_UnknownParameter_NamesItAndTheKnownOnes()
    {
        var error = Assert.Throws<TrainerConfigurationException>(() =>
            _catalog.Resolve(TaskKind.Binary, "fast_tree", new Dictionary<string, object?> { ["trees"] = 10 }));

        Assert.Equal("trees", error.Parameter);
        Assert.Contains("number_of_trees, number_of_leaves, learning_rate, min_examples_per_leaf", error.Message);
    }

    [Theory]
    [InlineData("C", 0.0, "outside its range (0, 1000000]")]
    [InlineData("max_iterations", 2.5, "must be an integer")]
    [InlineData("C", "abc", "must be a number")]
    public void Resolve_BadValue_NamesTheParameter(string name, object value, string message)
    {
        var error = Assert.Throws<TrainerConfigurationException>(() =>
            _catalog.Resolve(TaskKind.Binary, "lbfgs_logistic_regression", new Dictionary<string, object?> { [name] = value }));

        Assert.Equal(name, error.Parameter);
        Assert.Contains(message, error.Message);
    }
}
