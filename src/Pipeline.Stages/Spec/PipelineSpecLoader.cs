using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Stages.Spec;

/// <summary>
/// Reads and validates a pipeline file as a whole before anything runs: every error in the file is reported
/// (type, missing or unknown key, bad value, unknown trainer or metric, missing data file or label column),
/// each with its key path and line, e.g.
/// <c>pipelines/wine.yaml:12: sweep.search_space[0].params.C[2]: expected a number, got 'abc'</c>.
/// </summary>
/// <param name="trainers">The trainers the sweep may name.</param>
/// <param name="metrics">The metrics each task kind produces (usually <see cref="DefaultMetricCatalog"/>).</param>
public sealed class PipelineSpecLoader(ITrainerCatalog trainers, IMetricCatalog metrics)
{
    private static readonly IReadOnlyList<string> Keys =
        ["experiment", "tracking", "data", "sweep", "select", "evaluate", "model", "serve"];

    /// <summary>Reads the file and returns the spec.</summary>
    /// <exception cref="PipelineSpecException">The file is missing, unreadable or has any error.</exception>
    public PipelineSpec Load(string path) => Read(path).GetSpecOrThrow();

    /// <summary>Reads the file; relative data paths start at its folder. Errors name the file as given.</summary>
    public PipelineSpecResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PipelineSpecResult(null, [new SpecError(path, 0, 0, "", $"cannot read the pipeline file: {e.Message}")]);
        }

        var fullPath = Path.GetFullPath(path);
        return Parse(text, path, Path.GetDirectoryName(fullPath)!, fullPath);
    }

    /// <summary>Validates YAML text.</summary>
    /// <param name="yaml">The pipeline file's content.</param>
    /// <param name="source">The name errors start with, e.g. <c>breast-cancer.yaml</c>.</param>
    /// <param name="baseDirectory">The folder relative data paths start at.</param>
    /// <param name="sourcePath">Recorded as <see cref="PipelineSpec.SourcePath"/>; default: source in baseDirectory.</param>
    public PipelineSpecResult Parse(string yaml, string source, string baseDirectory, string? sourcePath = null)
    {
        var reader = new SpecReader(source, baseDirectory, trainers, metrics);
        var root = LoadRoot(reader, yaml);
        if (root is null) return new PipelineSpecResult(null, reader.Errors);

        var spec = ReadRoot(reader, root, sourcePath ?? Path.GetFullPath(Path.Combine(baseDirectory, source)));
        return reader.ErrorCount == 0 ? new PipelineSpecResult(spec, []) : new PipelineSpecResult(null, reader.Errors);
    }

    private static YamlNode? LoadRoot(SpecReader reader, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Syntax errors (bad indentation, duplicate keys) stop the parse: nothing after them can be trusted.
            var message = e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.Ordinal) ? inner.Message : e.Message;
            reader.Error((int)e.Start.Line, (int)e.Start.Column, "", $"YAML syntax: {message}");
            return null;
        }

        if (stream.Documents.Count != 1 || YamlScalars.IsNull(stream.Documents[0].RootNode))
        {
            reader.Error(1, 1, "", stream.Documents.Count > 1
                ? "expected one YAML document, found several"
                : "the file is empty; see pipelines/README.md for the keys");
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static PipelineSpec? ReadRoot(SpecReader reader, YamlNode root, string sourcePath)
    {
        var map = reader.Mapping(root, "", Keys);
        if (map is null) return null;

        var experiment = map.String("experiment", required: true);
        if (experiment is { Length: > 500 })
        {
            reader.Error(map.Get("experiment")!, "experiment", "an experiment name has at most 500 characters");
        }

        var tracking = map.Get("tracking") is { } trackingNode ? SmallSectionsReader.ReadTracking(reader, trackingNode) : TrackingSpec.Default;
        var dataNode = map.Require("data", "section");
        var (data, task) = dataNode is null ? (default(DataSpec), (TaskKind?)null) : DataSectionReader.Read(reader, dataNode);
        var sweepNode = map.Require("sweep", "section");
        var sweep = sweepNode is null ? null : SweepSectionReader.Read(reader, sweepNode, task);
        var selectNode = map.Require("select", "section");
        var select = selectNode is null ? null : MetricSectionsReader.ReadSelect(reader, selectNode, task);
        var evaluate = map.Get("evaluate") is { } evaluateNode ? MetricSectionsReader.ReadEvaluate(reader, evaluateNode, task) : EvaluateSpec.None;
        var modelNode = map.Require("model", "section");
        var model = modelNode is null ? null : SmallSectionsReader.ReadModel(reader, modelNode, task);
        var serve = map.Get("serve") is { } serveNode ? SmallSectionsReader.ReadServe(reader, serveNode) : ServeSpec.Default;

        if (reader.ErrorCount > 0) return null;
        return new PipelineSpec(sourcePath, experiment!, tracking, data!, sweep!, select!, evaluate, model!, serve);
    }
}
