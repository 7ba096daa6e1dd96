using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Pipeline.Api;

namespace KernelCI.Host.Tests.Pipeline;

public sealed class PipelineTokenCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-pipeline-token-").FullName;

    [Fact]
    public async Task Token_carries_the_email_and_each_permission_once()
    {
        var (exitCode, console) = await TestConsole.RunAsync("pipeline", "token", "dev@example.org", "--permission", "checkout",
            "--permission", "testretry", "--permission", "checkout", "--data-dir", _directory);

        Assert.Equal(0, exitCode);
        var secret = new SecretStore(_directory).Get(PipelineTokens.SecretName);
        var token = Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow);
        Assert.Equal("dev@example.org", token.GetString("email"));
        Assert.Equal(["checkout", "testretry"], token.Claims.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("not-an-email", "testretry", "email: 'not-an-email' is not an e-mail address")]
    [InlineData("dev@example.org", "retry", "--permission: unknown permission 'retry'; known: checkout, patchset, testretry")]
    public async Task Token_with_a_bad_email_or_permission_is_a_usage_error(string email, string permission, string error)
    {
        var (exitCode, console) = await TestConsole.RunAsync("pipeline", "token", email, "--permission", permission, "--data-dir", _directory);

        Assert.Equal((1, error), (exitCode, console.Error.ToString().Trim()));
    }

    [Fact]
    public async Task Token_without_a_permission_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("pipeline", "token", "dev@example.org", "--data-dir", _directory);

        Assert.Equal((1, "--permission: give at least one of checkout, patchset, testretry"), (exitCode, console.Error.ToString().Trim()));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
