using KernelCI.ServiceDefaults;
using KernelCI.Host.Serve;
using KernelCI.Testing;
using Microsoft.Data.Sqlite;

namespace KernelCI.Host.Tests.Serve;

/// <summary>The data folder holds every secret and database: nobody but its user may read it.</summary>
public sealed class DataFolderModeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-modes-").FullName;

    private string DataDirectory => Path.Combine(_root, "data");

    [Fact]
    public async Task Serve_makes_the_data_folder_0700_and_its_databases_and_secrets_0600()
    {
        var console = new TestConsole();
        var settings = new ServeSettings(DataDirectory, null, null, "127.0.0.1", FreePort.BasePort(), ["maestro", "kcidb", "storage"]);

        await using (var deployment = await new ServeHost(console).StartAsync(settings, TestContext.Current.CancellationToken))
        {
            Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(DataDirectory));
            Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(Path.Combine(DataDirectory, "storage")));
            Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(Path.Combine(DataDirectory, "storage", "spool")));
            Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(Path.Combine(DataDirectory, "kcidb")));
            var files = Directory.GetFiles(DataDirectory).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)).ToList();
            // Not the -wal file: SQLite deletes it when the last connection closes, and other tests in this process
            // clear every pool (ClearAllPools) at any moment. When it is there, the line below checks its mode too.
            Assert.Contains(files, f => f.EndsWith("kernelci.db", StringComparison.Ordinal));
            Assert.Contains(files, f => f.EndsWith("kcidb.db", StringComparison.Ordinal));
            Assert.All(files, f => Assert.Equal((f, DataFolder.PrivateFile), (f, ModeIfPresent(f) ?? DataFolder.PrivateFile)));
        }
    }

    [Fact]
    public async Task Users_command_on_a_fresh_folder_makes_a_private_database()
    {
        var (exitCode, _) = await TestConsole.RunAsync("users", "add", "alice", "--data-dir", DataDirectory);

        Assert.Equal(0, exitCode);
        Assert.Equal(DataFolder.PrivateFolder, File.GetUnixFileMode(DataDirectory));
        Assert.Equal(DataFolder.PrivateFile, File.GetUnixFileMode(Path.Combine(DataDirectory, "kernelci.db")));
    }

    // A -wal or -shm file listed a moment ago may be gone by now (see above): only a file still there has a mode.
    private static UnixFileMode? ModeIfPresent(string file)
    {
        try
        {
            return File.GetUnixFileMode(file);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
