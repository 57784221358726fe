namespace Pipeline.Server.Tests.Dashboard;

/// <summary>A fact needing headless chromium and tests/browser's node packages; skipped, saying how to get them, when missing.</summary>
public sealed class DashboardBrowserFactAttribute : FactAttribute
{
    public DashboardBrowserFactAttribute()
    {
        if (DashboardBrowser.MissingPrerequisite() is { } missing)
            Skip = $"{missing}: run .ci/browser.sh to install chromium and the browser check's node packages.";
    }
}
