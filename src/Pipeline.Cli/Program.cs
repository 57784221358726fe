using System.CommandLine;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Commands.Artifacts;
using Pipeline.Cli.Commands.Models;
using Pipeline.Cli.Commands.Monitor;
using Pipeline.Stages.Running;

var time = TimeProvider.System;
var root = new RootCommand("pipeline: the machine-learning lifecycle as CI stages (MLflow-compatible tracking, models and serving).")
{
    RunStageCommand.Create(time),
    ReproduceCommand.Create(time),
    StagesCommand.Create(),
    ExperimentsCommand.Create(),
    RunsCommand.Create(time),
    ModelsCommand.Create(time),
    ArtifactsCommand.Create(),
    ServeCommand.Create(),
    MonitorCommand.Create(time),
    ServerCommand.Create(),
};
var parsed = root.Parse(args);
var exitCode = await parsed.InvokeAsync();
// System.CommandLine reports its own parse errors with exit code 1; ours for an invalid command line is 2.
return parsed.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
