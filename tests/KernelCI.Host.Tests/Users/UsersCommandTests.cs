using System.Text.Json;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Maestro.Users;

namespace KernelCI.Host.Tests.Users;

public sealed class UsersCommandTests
{
    [Fact]
    public async Task Users_add_then_token_prints_a_token_for_that_user()
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-users-").FullName;
        try
        {
            var (added, _) = await TestConsole.RunAsync("users", "add", "admin", "--admin", "--data-dir", directory);
            var (exitCode, console) = await TestConsole.RunAsync("users", "token", "admin", "--data-dir", directory);

            var token = console.Out.ToString().Trim();
            var validation = Hs256Jwt.Validate(token, [new SecretStore(directory).Get(UserTokens.SecretName)], DateTimeOffset.UtcNow);
            Assert.Equal((0, 0), (added, exitCode));
            Assert.True(validation.IsValid);
            Assert.Equal(JsonValueKind.Array, validation.Claims.GetProperty("aud").ValueKind);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Users_add_twice_fails()
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-users-").FullName;
        try
        {
            await TestConsole.RunAsync("users", "add", "svc", "--data-dir", directory);
            var (exitCode, console) = await TestConsole.RunAsync("users", "add", "svc", "--data-dir", directory);

            Assert.Equal(2, exitCode);
            Assert.Contains("already exists", console.Error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("with space ")]
    [InlineData("tab\tname")]
    public async Task Users_add_with_a_name_the_api_would_refuse_fails_with_one_line(string name)
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-users-").FullName;
        try
        {
            var (exitCode, console) = await TestConsole.RunAsync("users", "add", name, "--data-dir", directory);

            Assert.Equal(2, exitCode);
            Assert.StartsWith("username:", console.Error.ToString(), StringComparison.Ordinal);
            Assert.Single(console.Error.ToString().Trim().Split('\n'));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Users_token_for_an_unknown_user_fails_naming_it()
    {
        var directory = Directory.CreateTempSubdirectory("kernelci-users-").FullName;
        try
        {
            var (exitCode, console) = await TestConsole.RunAsync("users", "token", "nobody", "--data-dir", directory);

            Assert.Equal((2, "", "no user 'nobody'"), (exitCode, console.Out.ToString(), console.Error.ToString().Trim()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
