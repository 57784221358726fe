using System.CommandLine;
using Pipeline.Cli.Commands;

namespace Pipeline.Cli.Commands.Models;

/// <summary>
/// <c>pipeline models ...</c>: the model registry from the command line, named after <c>MlflowClient</c>'s registry
/// methods (<c>search_registered_models</c>, <c>get_registered_model</c>, <c>search_model_versions</c>,
/// <c>set_registered_model_alias</c>, ...), against any tracking store: SQLite, PostgreSQL or a tracking server.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(TimeProvider time) => new("models", "Work with the model registry: models, versions, aliases, tags, stages, downloads.")
    {
        ModelsListCommand.Create(),
        ModelsGetCommand.Create(),
        ModelsVersionsCommand.Create(),
        ModelAliasCommands.CreateSet(),
        ModelAliasCommands.CreateDelete(),
        ModelTagCommands.CreateSet(),
        ModelTagCommands.CreateDelete(),
        ModelsTransitionCommand.Create(),
        ModelsDownloadCommand.Create(),
        PromoteCommand.Create(time),
    };
}
