namespace Pipeline.Stages.Spec;

/// <summary>The outcome of reading a pipeline file: a spec when valid, otherwise every error found.</summary>
/// <param name="Spec">The spec; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every error, ordered by line then column.</param>
public sealed record PipelineSpecResult(PipelineSpec? Spec, IReadOnlyList<SpecError> Errors)
{
    /// <summary>True when the file has no error.</summary>
    public bool IsValid => Errors.Count == 0 && Spec is not null;

    /// <summary>The spec.</summary>
    /// <exception cref="PipelineSpecException">The file has errors.</exception>
    public PipelineSpec GetSpecOrThrow() => IsValid ? Spec! : throw new PipelineSpecException(Errors);
}
