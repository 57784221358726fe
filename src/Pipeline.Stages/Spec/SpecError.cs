namespace Pipeline.Stages.Spec;

/// <summary>One problem in a pipeline file.</summary>
/// <param name="Source">The file as the caller named it (e.g. <c>pipelines/wine.yaml</c>).</param>
/// <param name="Line">1-based line; 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="KeyPath">The key path, e.g. <c>sweep.search_space[0].params.C[2]</c>; empty for the file.</param>
/// <param name="Message">What is wrong, and where possible what would be right.</param>
public sealed record SpecError(string Source, int Line, int Column, string KeyPath, string Message)
{
    /// <summary>
    /// <c>source:line: key.path: message</c>, the form compilers use so that editors and CI logs link to it.
    /// </summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{Source}:{Line}" : Source;
        return KeyPath.Length > 0 ? $"{location}: {KeyPath}: {Message}" : $"{location}: {Message}";
    }
}
