namespace Pipeline.Tests.Shared;

/// <summary>
/// A fact that needs headless chromium and the browser checks' node packages; skipped, saying how to get them, when
/// either is missing (<c>.ci/browser.sh</c> installs both).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserCheck.MissingPrerequisite() is { } missing)
            Skip = $"{missing}: run .ci/browser.sh to install chromium and the browser checks' node packages.";
    }
}
