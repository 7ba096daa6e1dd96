using System.Text.Json;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Host.Pipeline;
using KernelCI.Pipeline.Api;

namespace KernelCI.Pipeline.Tests.Api;

public sealed class PipelineTokenCommandTests
{
    [Fact]
    public async Task Token_carries_email_and_permissions_signed_with_the_data_folder_secret()
    {
        var dataDir = Directory.CreateTempSubdirectory("kernelci-token-").FullName;
        var console = new PipelineTestConsole();

        var exit = await PipelineTokenCommand.Create(console)
            .Parse(["dev@example.org", "--permission", "checkout", "--permission", "patchset", "--days", "2", "--data-dir", dataDir])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var secret = new SecretStore(dataDir).Get(PipelineTokens.SecretName);
        var validation = Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow);
        Assert.True(validation.IsValid, validation.Error);
        Assert.Equal("dev@example.org", validation.Claims.GetProperty("email").GetString());
        Assert.Equal(["checkout", "patchset"], validation.Claims.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.False(Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow.AddDays(3)).IsValid);
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Unknown_permission_is_refused_naming_the_option()
    {
        var console = new PipelineTestConsole();

        var exit = await PipelineTokenCommand.Create(console).Parse(["dev@example.org", "--permission", "admin", "--data-dir", Path.GetTempPath()])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
        Assert.StartsWith("--permission: unknown permission 'admin'", console.Error.ToString(), StringComparison.Ordinal);
    }
}
