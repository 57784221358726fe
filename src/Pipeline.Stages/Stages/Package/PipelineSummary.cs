using System.Globalization;
using Pipeline.Stages.Spec;
using Pipeline.Stages.Stages;
using Pipeline.Stages.Running;
using Pipeline.Tracking.Entities;

namespace Pipeline.Stages.Stages.Package;

/// <summary>The closing summary of a training pipeline: winner, its cross-validated and test metrics, gates, model version.</summary>
internal static class PipelineSummary
{
    public static IEnumerable<string> Lines(PipelineSpec spec, Run sweepRun, Run evaluationRun, PackageOutput package)
    {
        var metric = spec.Select.Metric;
        var best = sweepRun.Data.Tag(PipelineTags.BestConfiguration) ?? "?";
        yield return "";
        yield return $"Summary of {spec.Experiment} ({RunLocator.PipelineFileTag(spec.SourcePath)})";
        yield return $"  best configuration  {best} (trial run {sweepRun.Data.Tag(PipelineTags.BestRunId)})";
        yield return $"  cross-validated     {metric} = {Format(sweepRun.Data.Metric("best_cv_score"))}";
        yield return $"  test split          {string.Join(", ", TestMetrics(spec, evaluationRun))}";
        foreach (var gate in evaluationRun.Data.Tags.Where(t => t.Key.StartsWith(PipelineTags.GatePrefix, StringComparison.Ordinal)))
            yield return $"  gate                {gate.Value}";
        yield return $"  model               {package.VersionUri} ({package.AliasUri})";
    }

    private static IEnumerable<string> TestMetrics(PipelineSpec spec, Run evaluationRun)
    {
        var names = new[] { spec.Select.Metric }.Concat(spec.Evaluate.Gates.Select(g => g.Metric)).Distinct();
        return names.Select(n => $"{n} = {Format(evaluationRun.Data.Metric(n))}");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
