namespace Pipeline.Stages.Spec;

/// <summary>The <c>data</c> section: what to learn from and how to split it.</summary>
/// <param name="Path">
/// <c>path</c> (string, required): the CSV file, relative to the pipeline file's folder; held here as a full
/// path. The file must exist and its header line must contain <paramref name="Label"/>.
/// </param>
/// <param name="Label"><c>label</c> (string, required): the label column's name.</param>
/// <param name="Task">
/// <c>task</c> (required): <c>binary_classification</c>, <c>multiclass_classification</c> or <c>regression</c>.
/// </param>
/// <param name="TestFraction">
/// <c>test_fraction</c> (number, default 0.2): the share of rows held out for evaluation, in (0, 1).
/// </param>
/// <param name="Stratify">
/// <c>stratify</c> (bool, default true for classification, false for regression): split each class in the
/// same proportion. <c>true</c> is an error for regression.
/// </param>
/// <param name="Seed"><c>seed</c> (integer, default 42): the seed of the train/test split.</param>
/// <param name="TestPath">
/// <c>test_path</c> (string, optional): a second CSV file with the same columns holding the test rows; <c>path</c> then
/// holds the training rows. A pinned split: excludes <c>test_fraction</c>, <c>stratify</c>, <c>seed</c> and
/// <c>split_column</c>. Held here as a full path.
/// </param>
/// <param name="SplitColumn">
/// <c>split_column</c> (string, optional): a column of <c>path</c> whose values, <c>train</c> or <c>test</c>, assign each
/// row; it is not a feature. A pinned split: excludes <c>test_fraction</c>, <c>stratify</c>, <c>seed</c> and <c>test_path</c>.
/// </param>
public sealed record DataSpec(string Path, string Label, TaskKind Task, double TestFraction, bool Stratify, int Seed,
    string? TestPath = null, string? SplitColumn = null)
{
    /// <summary>True when the split is fixed by the data (<see cref="TestPath"/> or <see cref="SplitColumn"/>) rather than drawn.</summary>
    public bool IsPinned => TestPath is not null || SplitColumn is not null;

    /// <summary>
    /// The spec as fingerprints and records see it: file names without their folders, so a moved checkout keeps its
    /// fingerprints (file contents are hashed separately).
    /// </summary>
    public DataSpec WithoutFolders() => this with
    {
        Path = System.IO.Path.GetFileName(Path),
        TestPath = TestPath is null ? null : System.IO.Path.GetFileName(TestPath),
    };

    /// <summary>The default <c>test_fraction</c>, 0.2.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>The default <c>seed</c>, 42.</summary>
    public const int DefaultSeed = 42;
}
