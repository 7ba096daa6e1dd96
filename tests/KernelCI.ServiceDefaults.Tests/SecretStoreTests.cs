namespace KernelCI.ServiceDefaults.Tests;

public sealed class SecretStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Directory.CreateTempSubdirectory("kernelci-secrets-").FullName, "data");

    [Fact]
    public void Secret_is_generated_once_and_kept_in_the_data_folder()
    {
        var first = new SecretStore(_directory).Get("kcidb-jwt");
        var again = new SecretStore(_directory).Get("kcidb-jwt");

        Assert.Equal(first, again);
        Assert.True(first.Length >= 40);
        Assert.NotEqual(first, new SecretStore(_directory).Get("storage-jwt"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_directory, "secrets.json")));
    }

    [Fact]
    public void New_data_folder_is_private_to_its_user()
    {
        _ = new SecretStore(_directory);

        Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(_directory));
    }

    [Fact]
    public void Secret_made_by_another_store_after_this_one_started_is_used_not_replaced()
    {
        // Given a running server's store, and a token command's store made after it started
        var server = new SecretStore(_directory);
        server.Get("maestro-jwt");
        var command = new SecretStore(_directory).Get("pipeline-jwt");

        // When the server first needs that secret
        var seen = server.Get("pipeline-jwt");

        // Then it is the command's, still on disk
        Assert.Equal(command, seen);
        Assert.Equal(command, new SecretStore(_directory).Get("pipeline-jwt"));
    }

    [Fact]
    public void Secret_made_by_this_store_keeps_those_another_store_wrote_meanwhile()
    {
        var server = new SecretStore(_directory);
        var command = new SecretStore(_directory).Get("storage-jwt");

        server.Ensure(["kcidb-jwt"]);

        Assert.Equal(command, new SecretStore(_directory).Get("storage-jwt"));
    }

    [Fact]
    public async Task Concurrent_writers_all_keep_their_secrets()
    {
        // Separate stores hold separate descriptors, so their flocks exclude each other as separate processes' do.
        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(() =>
        {
            var store = new SecretStore(_directory);
            return Enumerable.Range(0, 10).Select(i => (Name: $"w{writer}-{i}", Value: store.Get($"w{writer}-{i}"))).ToList();
        }, TestContext.Current.CancellationToken)));

        var reread = new SecretStore(_directory);
        foreach (var (name, value) in written.SelectMany(w => w))
        {
            Assert.Equal(value, reread.Get(name));
        }

        Assert.Equal(80, System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "secrets.json"))).RootElement.EnumerateObject().Count());
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_directory)!, recursive: true);
}
