namespace Pipeline.Ml.Packaging;

/// <summary>What <see cref="ModelPackager"/> records besides the model.</summary>
public sealed record ModelPackageOptions
{
    /// <summary>The producing run's id (<c>run_id</c> in MLmodel); default none.</summary>
    public string? RunId { get; init; }

    /// <summary>The producing pipeline's version (<c>pipeline_version</c>); default none.</summary>
    public string? PipelineVersion { get; init; }

    /// <summary>The run-relative artifact path; default <c>model</c>.</summary>
    public string ArtifactPath { get; init; } = "model";

    /// <summary>How many sample rows make the input example; default 5. Zero writes no example.</summary>
    public int ExampleRows { get; init; } = 5;

    /// <summary>
    /// The training split: profiled, with the model's predictions on it, into <c>training_profile.json</c> (what
    /// <c>pipeline monitor drift</c> compares live inputs with). Default none: no profile is written.
    /// </summary>
    public Data.DataTable? Training { get; init; }
}
