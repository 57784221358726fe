namespace Pipeline.Stages.Tests.Reporting;

/// <summary>Shares one <see cref="ReportedPipelineFixture"/> run among the report tests.</summary>
[CollectionDefinition(Name)]
public sealed class ReportedPipelineCollection : ICollectionFixture<ReportedPipelineFixture>
{
    public const string Name = "Reported pipeline";
}
