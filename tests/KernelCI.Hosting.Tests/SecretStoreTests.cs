namespace KernelCI.Hosting.Tests;

public sealed class SecretStoreTests
{
    [Fact]
    public void Secret_is_generated_once_and_kept_in_the_data_folder()
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-secrets-").FullName;
        try
        {
            var first = new SecretStore(directory).Get("kcidb-jwt");
            var again = new SecretStore(directory).Get("kcidb-jwt");

            Assert.Equal(first, again);
            Assert.True(first.Length >= 40);
            Assert.NotEqual(first, new SecretStore(directory).Get("storage-jwt"));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(directory, "secrets.json")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
