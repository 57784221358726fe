namespace Pipeline.Stages.Spec;

/// <summary>One item of <c>sweep.search_space</c>: a trainer and the domains of its parameters.</summary>
/// <param name="Trainer">
/// <c>trainer</c> (string, required): a trainer name from the trainer catalog that supports the task kind.
/// </param>
/// <param name="Parameters">
/// <c>params</c> (mapping, default empty): parameter name to a <see cref="ParameterDomain"/>, in file order.
/// Parameters not named keep the trainer's default.
/// </param>
public sealed record SearchSpaceEntry(string Trainer, IReadOnlyList<SearchParameter> Parameters);
