using System.CommandLine;
using Pipeline.Cli.Commands;

var time = TimeProvider.System;
var root = new RootCommand("pipeline: the machine-learning lifecycle as CI stages (MLflow-compatible tracking, models and serving).")
{
    RunStageCommand.Create(time),
    StagesCommand.Create(),
    ServerCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
