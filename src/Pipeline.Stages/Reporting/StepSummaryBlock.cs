using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Stages.Reporting;

/// <summary>
/// The pipeline's part of a GitHub job-summary file: its Markdown between two HTML comments (invisible when rendered),
/// one block per experiment and pipeline file, so a rerun replaces its own block and leaves the rest of the file alone.
/// </summary>
internal static class StepSummaryBlock
{
    /// <summary><paramref name="existing"/> with the block for <paramref name="report"/> replaced, or appended when it has none.</summary>
    public static string Merge(string existing, PipelineReport report, string markdown)
    {
        // A hash, not the names: an experiment name may hold "--" or "-->", which would end the comment.
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{report.Experiment}\n{report.PipelineFile}")))[..12];
        var begin = $"<!-- pipeline summary {id} -->";
        var end = $"<!-- end of pipeline summary {id} -->";
        var block = $"{begin}\n{markdown.TrimEnd('\n')}\n\n{end}\n";
        var start = existing.IndexOf(begin, StringComparison.Ordinal);
        var stop = start < 0 ? -1 : existing.IndexOf(end, start, StringComparison.Ordinal);
        if (stop >= 0)
        {
            stop += end.Length;
            if (stop < existing.Length && existing[stop] == '\n')
                stop++;
            return existing[..start] + block + existing[stop..];
        }
        return existing.Length == 0 || existing.EndsWith('\n') ? existing + block : $"{existing}\n{block}";
    }
}
