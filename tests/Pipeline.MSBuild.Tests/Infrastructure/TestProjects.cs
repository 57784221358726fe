namespace Pipeline.MSBuild.Tests.Infrastructure;

/// <summary>Project files the tests build: one importing the repository's props/targets, as pipelines/*.proj do.</summary>
internal static class TestProjects
{
    /// <summary>
    /// A project that imports build/Pipeline.props and build/Pipeline.targets with the locally built task assembly, runs
    /// the breast-cancer copy in its workspace, and has a <c>ShowOutputs</c> target printing every stage output.
    /// </summary>
    public static string ImportingTargets(string extra = "") => $"""
        <Project>
          <PropertyGroup>
            <PipelineFile>pipelines/breast-cancer.yaml</PipelineFile>
            <PipelineTasksAssembly>{Repository.TasksAssembly}</PipelineTasksAssembly>
          </PropertyGroup>
          <Import Project="{Repository.Props}" />
          <Import Project="{Repository.Targets}" />
          <Target Name="ShowOutputs">
            <Message Importance="high" Text="ExperimentId=$(PipelineExperimentId)" />
            <Message Importance="high" Text="BestRunId=$(PipelineBestRunId)" />
            <Message Importance="high" Text="@(PipelineStageOutput->'Output %(Stage).%(Identity)=%(Value)', '%0A')" />
          </Target>
        {extra}
        </Project>
        """;

    /// <summary>MSBuild arguments that keep the output plain and leave no build server behind.</summary>
    public static string[] MSBuild(string project, string targets, params string[] more) =>
        ["msbuild", project, $"-t:{targets}", "-nologo", "-tl:off", "-v:m", "-nodeReuse:false", .. more];
}
