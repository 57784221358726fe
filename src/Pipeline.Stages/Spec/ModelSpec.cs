using System.Text.Json.Serialization;

namespace Pipeline.Stages.Spec;

/// <summary>The <c>model</c> section: where the packaged model is registered.</summary>
/// <param name="Name"><c>name</c> (string, required): the registered model name.</param>
/// <param name="Alias">
/// <c>alias</c> (string, default <c>champion</c>): the alias moved to the new version. MLflow's rules apply:
/// letters, digits, <c>_</c> and <c>-</c> only, at most 255 characters, not <c>latest</c>, not <c>v1</c>-like.
/// </param>
/// <param name="Promote">
/// <c>promote</c> (mapping, optional): promotion with evidence after registering, see <see cref="PromoteSpec"/>; without
/// it, <paramref name="Alias"/> moves to every new version unconditionally.
/// </param>
public sealed record ModelSpec(string Name, string Alias,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PromoteSpec? Promote = null)
{
    /// <summary>The default alias, <c>champion</c>.</summary>
    public const string DefaultAlias = "champion";
}
