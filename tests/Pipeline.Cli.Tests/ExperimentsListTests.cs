namespace Pipeline.Cli.Tests;

public sealed class ExperimentsListTests : IAsyncLifetime
{
    private readonly CliStore _store = new();

    public async Task InitializeAsync()
    {
        await _store.Store.CreateExperimentAsync("breast-cancer");
        var old = await _store.Store.CreateExperimentAsync("old-sweep");
        await _store.Store.DeleteExperimentAsync(old);
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private static string? Row(string output, string name) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(1) == name);

    [Fact]
    public async Task List_DefaultView_ShowsActiveExperimentsOnly()
    {
        var result = await CliProcess.RunAsync(_store.Folder, null, "experiments", "list", "--tracking-uri", _store.Uri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("active", Row(result.Output, "breast-cancer"));
        Assert.NotNull(Row(result.Output, "Default"));
        Assert.Null(Row(result.Output, "old-sweep"));
        Assert.DoesNotContain('\u001b', result.Output);
    }

    [Theory]
    [InlineData("deleted", false, true)]
    [InlineData("all", true, true)]
    public async Task List_View_SelectsByLifecycleStage(string view, bool active, bool deleted)
    {
        var result = await CliProcess.RunAsync(_store.Folder, null, "experiments", "list", "--tracking-uri", _store.Uri, "--view", view);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(active, Row(result.Output, "breast-cancer") is not null);
        Assert.Equal(deleted, Row(result.Output, "old-sweep") is not null);
    }

    [Fact]
    public async Task List_DefaultUriInWorkingDirectory_ReadsMlrunsDb()
    {
        var result = await CliProcess.RunAsync(_store.Folder, null, "experiments", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.NotNull(Row(result.Output, "breast-cancer"));
    }

    [Fact]
    public async Task List_MissingSqliteFile_ExitsOneWithoutCreatingIt()
    {
        var missing = Path.Combine(_store.Folder, "nothing-here.db");

        var result = await CliProcess.RunAsync(_store.Folder, null, "experiments", "list", "--tracking-uri", "sqlite:///" + missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no tracking database", result.Error);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task List_UnknownView_IsAUsageError()
    {
        var result = await CliProcess.RunAsync(_store.Folder, null, "experiments", "list", "--tracking-uri", _store.Uri, "--view", "archived");

        Assert.Equal(2, result.ExitCode);
    }

    [TerminalFact]
    public async Task List_TerminalNarrowerThanTable_NeverBreaksACellAcrossLines()
    {
        var (exitCode, screen) = await TerminalProcess.RunAsync(_store.Folder, 60, "experiments", "list", "--tracking-uri", _store.Uri);

        Assert.Equal(0, exitCode);
        var row = Row(screen, "breast-cancer");
        Assert.NotNull(row);
        Assert.Contains("active", row);
        Assert.Contains(new Uri(Path.Combine(_store.Folder, "mlartifacts")).AbsoluteUri, row);
        Assert.Contains("id   name", screen);
    }
}
