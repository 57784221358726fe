namespace Pipeline.Stages.Spec;

/// <summary>One key of a search-space entry's <c>params</c>: a trainer parameter and its domain.</summary>
/// <param name="Name">The parameter name as the trainer catalog spells it (e.g. <c>C</c>).</param>
/// <param name="Domain">The values to search.</param>
public sealed record SearchParameter(string Name, ParameterDomain Domain);
