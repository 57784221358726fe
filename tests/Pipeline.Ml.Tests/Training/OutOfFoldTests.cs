using Pipeline.Ml.Data;
using Pipeline.Ml.Evaluation;
using Pipeline.Ml.Training;

namespace Pipeline.Ml.Tests.Training;

public class OutOfFoldTests
{
    [Fact]
    public void Combine_FoldsWithDifferentClasses_ReindexesOntoTheUnion()
    {
        // Fold 0 saw classes 1 and 3; fold 1 saw 1, 2 and 3.
        var first = new PredictionSet(TaskKind.Multiclass, [1, 3], [1], [0], [[0.4, 0.6]]);
        var second = new PredictionSet(TaskKind.Multiclass, [1, 2, 3], [1, 0], [1, 2], [[0.2, 0.5, 0.3], [0.1, 0.1, 0.8]]);

        var combined = OutOfFold.Combine([first, second]);

        Assert.Equal([1.0, 2.0, 3.0], combined.ClassValues);
        Assert.Equal([2.0, 1.0, 0.0], combined.Actual);
        Assert.Equal([0.0, 1.0, 2.0], combined.Predicted);
        Assert.Equal([0.4, 0.0, 0.6], combined.Probabilities![0]);
        Assert.Equal([0.2, 0.5, 0.3], combined.Probabilities[1]);
    }
}
