namespace Pipeline.Stages.Spec;

/// <summary>Thrown by <see cref="PipelineSpecLoader.Load"/> when a pipeline file has any error.</summary>
public sealed class PipelineSpecException : Exception
{
    /// <summary>Creates the exception; the message lists every error, one per line.</summary>
    public PipelineSpecException(IReadOnlyList<SpecError> errors)
        : base(Describe(errors)) => Errors = errors;

    /// <summary>All errors, ordered by line.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    private static string Describe(IReadOnlyList<SpecError> errors) =>
        $"The pipeline file has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors);
}
