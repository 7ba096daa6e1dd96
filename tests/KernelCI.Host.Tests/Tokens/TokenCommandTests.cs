using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Host.Tests.Tokens;

/// <summary>What the four token commands share: the token alone on stdout, signed with their component's secret of
/// the data folder, and `--days` checked the same way.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-token-").FullName;

    public static TheoryData<string, string[]> Commands => new()
    {
        { "kcidb-jwt", ["kcidb", "token", "--origin", "acme"] },
        { "storage-jwt", ["storage", "token", "lab@example.org"] },
        { "maestro-jwt", ["users", "token", "alice"] },
        { "pipeline-jwt", ["pipeline", "token", "dev@example.org", "--permission", "testretry"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Token_is_printed_alone_and_signed_with_its_components_secret(string secretName, string[] command)
    {
        await TestConsole.RunAsync("users", "add", "alice", "--data-dir", _directory);

        var (exitCode, console) = await TestConsole.RunAsync([.. command, "--data-dir", _directory]);

        Assert.Equal((0, ""), (exitCode, console.Error.ToString()));
        var token = Assert.Single(console.Out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var validation = Hs256Jwt.Validate(token, [new SecretStore(_directory).Get(secretName)], DateTimeOffset.UtcNow, requireExpiry: false);
        Assert.Null(validation.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Token_with_zero_days_is_a_usage_error_in_one_line(string secretName, string[] command)
    {
        _ = secretName;

        var (exitCode, console) = await TestConsole.RunAsync([.. command, "--days", "0", "--data-dir", _directory]);

        Assert.Equal((1, ""), (exitCode, console.Out.ToString()));
        Assert.Equal("--days: must be a positive number of days" + Environment.NewLine, console.Error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
