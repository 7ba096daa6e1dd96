using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Kcidb;

public sealed class KcidbCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Token_is_signed_with_the_data_folders_secret()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "token", "--data-dir", _directory, "--origin", "acme", "--days", "2");

        Assert.Equal(0, exitCode);
        var secret = new SecretStore(_directory).Get(SubmissionAuthenticator.SecretName);
        var token = Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow);
        Assert.True(token.IsValid, token.Error);
        Assert.Equal("acme", token.GetString("origin"));
        Assert.False(token.GetBoolean("admin"));
    }

    [Fact]
    public async Task Token_with_admin_may_submit_any_origin()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "token", "--data-dir", _directory, "--origin", "acme", "--admin");

        Assert.Equal(0, exitCode);
        var secret = new SecretStore(_directory).Get(SubmissionAuthenticator.SecretName);
        Assert.True(Hs256Jwt.Validate(console.Out.ToString().Trim(), [secret], DateTimeOffset.UtcNow).GetBoolean("admin"));
    }

    [Fact]
    public async Task Token_with_an_invalid_origin_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "token", "--data-dir", _directory, "--origin", "Bad-Origin");

        Assert.Equal(1, exitCode);
        Assert.Contains("--origin", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_valid_document_echoes_it()
    {
        var path = WriteFile("ok.json", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "examples/kcidb/demo-v5.3.json")));

        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "validate", path);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"demo:c1\"", console.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_an_invalid_document_names_the_field_and_fails()
    {
        var path = WriteFile("bad.json", """{"version":{"major":5,"minor":3},"tests":[{"id":"a:1","origin":"a","build_id":"a:b","status":"GREEN"}]}""");

        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "validate", path);

        Assert.Equal(2, exitCode);
        Assert.Contains("tests[0].status", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_missing_file_fails_with_a_message()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "validate", Path.Combine(_directory, "nope.json"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no such file", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_turns_a_v4_build_valid_flag_into_a_status()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "upgrade", Path.Combine(RepositoryPaths.Root, "examples/kcidb/demo-v4.3.json"));

        Assert.Equal(0, exitCode);
        var output = console.Out.ToString();
        Assert.Contains("\"status\": \"FAIL\"", output, StringComparison.Ordinal);
        Assert.Contains("\"minor\": 3", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"valid\": false", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_without_a_url_is_a_usage_error()
    {
        Environment.SetEnvironmentVariable("KCIDB_REST", null);
        var path = WriteFile("empty.json", """{"version":{"major":5,"minor":3}}""");

        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "submit", path, "--token", "x");

        Assert.Equal(1, exitCode);
        Assert.Contains("--url", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_with_unpaired_issue_versions_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "query", "--url", "http://127.0.0.1:9", "-i", "a:1", "-i", "a:2", "--issue-version", "1");

        Assert.Equal(1, exitCode);
        Assert.Contains("--issue-version", console.Error.ToString(), StringComparison.Ordinal);
    }
}
