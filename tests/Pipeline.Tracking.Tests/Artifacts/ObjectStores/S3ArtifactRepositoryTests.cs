using System.Text;
using Pipeline.Tracking.Artifacts;
using Pipeline.Tracking.Artifacts.ObjectStores;
using Pipeline.Tests.Shared.ObjectStores;
using Pipeline.Tracking.Tests.Artifacts.Contract;

namespace Pipeline.Tracking.Tests.Artifacts.ObjectStores;

[RequiresVariable(ObjectStoreTestEnvironment.S3Variable, ObjectStoreTestEnvironment.S3SkipMessage)]
public sealed class S3ArtifactRepositoryTests
{
    [ContractFact]
    public async Task ListAndDownload_MoreKeysThanOnePage_FollowContinuationTokens()
    {
        var root = ObjectStoreTestEnvironment.NewS3Root("paging");
        var repo = new S3ArtifactRepository(root, S3ClientFactory.Create(ObjectStoreTestEnvironment.Environment(ObjectStoreTestEnvironment.S3Variables()))) { PageSize = 2 };
        foreach (var name in new[] { "a.txt", "b.txt", "c/x.txt", "d/y.txt", "e.txt" })
            await repo.WriteAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(name)));
        using var local = new Stores.Infrastructure.TempDirectory();

        var listed = await repo.ListAsync();
        await repo.DownloadAsync("", local.Path);

        Assert.Equal(["a.txt", "b.txt", "c", "d", "e.txt"], listed.Select(e => e.Path));
        Assert.Equal(5, Directory.GetFiles(local.Path, "*", SearchOption.AllDirectories).Length);
    }

    [ContractFact]
    public async Task Create_ProfileFromSharedCredentialsFile_SignsWithItsKeys()
    {
        using var dir = new Stores.Infrastructure.TempDirectory();
        var variables = ObjectStoreTestEnvironment.S3Variables();
        await File.WriteAllTextAsync(dir.File("credentials"),
            $"[team]\naws_access_key_id = {variables["AWS_ACCESS_KEY_ID"]}\naws_secret_access_key = {variables["AWS_SECRET_ACCESS_KEY"]}\n");
        variables.Remove("AWS_ACCESS_KEY_ID");
        variables.Remove("AWS_SECRET_ACCESS_KEY");
        variables["AWS_PROFILE"] = "team";
        variables["AWS_SHARED_CREDENTIALS_FILE"] = dir.File("credentials");
        var repo = new S3ArtifactRepository(ObjectStoreTestEnvironment.NewS3Root("profile"), S3ClientFactory.Create(ObjectStoreTestEnvironment.Environment(variables)));

        await repo.WriteAsync("f.txt", new MemoryStream([1, 2, 3]));

        Assert.Equal([new ArtifactEntry("f.txt", false, 3)], await repo.ListAsync());
    }
}
