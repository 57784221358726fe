using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Pipeline.MSBuild;

/// <summary>A stage's named outputs as MSBuild items: the name as item spec, the value as <c>Value</c> metadata.</summary>
internal static class StageOutputItems
{
    public const string ValueMetadata = "Value";

    public static ITaskItem[] From(IReadOnlyDictionary<string, string> outputs) =>
        outputs.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => (ITaskItem)new TaskItem(o.Key, new Dictionary<string, string> { [ValueMetadata] = o.Value }))
            .ToArray();
}
