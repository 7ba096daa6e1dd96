using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Storage.Auth;

namespace KernelCI.Host.Tests.Storage;

public sealed class StorageTokenCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-storage-token-").FullName;

    [Fact]
    public async Task Token_carries_the_email_and_is_signed_with_the_data_folders_secret()
    {
        var (exitCode, console) = await TestConsole.RunAsync("storage", "token", "lab@example.org", "--data-dir", _directory);

        Assert.Equal(0, exitCode);
        var secret = new SecretStore(_directory).Get(StorageAuthenticator.SecretName);
        var result = Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow, requireExpiry: false);
        Assert.Equal("lab@example.org", result.GetString("email"));
        Assert.False(result.Claims.TryGetProperty("exp", out _));
    }

    [Fact]
    public async Task Token_with_days_expires()
    {
        var (exitCode, console) = await TestConsole.RunAsync("storage", "token", "lab@example.org", "--days", "2", "--data-dir", _directory);

        Assert.Equal(0, exitCode);
        var secret = new SecretStore(_directory).Get(StorageAuthenticator.SecretName);
        var result = Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow.AddDays(3), requireExpiry: false);
        Assert.Equal("token expired", result.Error);
    }

    [Fact]
    public async Task Token_with_zero_days_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("storage", "token", "lab@example.org", "--days", "0", "--data-dir", _directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("--days", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_for_a_blank_email_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("storage", "token", "  ", "--data-dir", _directory);

        Assert.Equal((1, "EMAIL: must not be empty"), (exitCode, console.Error.ToString().Trim()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
