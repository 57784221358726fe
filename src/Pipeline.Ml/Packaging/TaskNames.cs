using Pipeline.Ml.Data;
using Pipeline.Ml.Models;

namespace Pipeline.Ml.Packaging;

/// <summary>The <c>mlnet</c> flavor's task names.</summary>
internal static class TaskNames
{
    public const string Binary = "binary_classification";
    public const string Multiclass = "multiclass_classification";
    public const string Regression = "regression";

    public static string Of(TaskKind task) => task switch
    {
        TaskKind.Binary => Binary,
        TaskKind.Multiclass => Multiclass,
        _ => Regression,
    };

    public static TaskKind Parse(string name, string source) => name switch
    {
        Binary => TaskKind.Binary,
        Multiclass => TaskKind.Multiclass,
        Regression => TaskKind.Regression,
        _ => throw new ModelFormatException(
            $"{source}: flavors.mlnet.task '{name}' is not one of {Binary}, {Multiclass}, {Regression}."),
    };
}
