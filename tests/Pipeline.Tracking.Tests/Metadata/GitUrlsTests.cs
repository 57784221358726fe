using Pipeline.Tracking.Metadata;

namespace Pipeline.Tracking.Tests.Metadata;

public sealed class GitUrlsTests
{
    [Theory]
    [InlineData("https://user:token@example.invalid/org/repo.git", "https://example.invalid/org/repo.git")]
    [InlineData("https://x-access-token:abc@example.invalid:8443/org/repo", "https://example.invalid:8443/org/repo")]
    [InlineData("https://user:p@ss@example.invalid/repo.git", "https://example.invalid/repo.git")]
    [InlineData("ssh://git@example.invalid/org/repo.git", "ssh://example.invalid/org/repo.git")]
    [InlineData("https://example.invalid/org/repo.git", "https://example.invalid/org/repo.git")]
    [InlineData("https://example.invalid/org/repo@v1", "https://example.invalid/org/repo@v1")]
    [InlineData("git@example.invalid:org/repo.git", "git@example.invalid:org/repo.git")]
    [InlineData("/srv/git/repo.git", "/srv/git/repo.git")]
    public void StripCredentials_RemovesOnlyUserInfo(string url, string expected) =>
        Assert.Equal(expected, GitUrls.StripCredentials(url));
}
