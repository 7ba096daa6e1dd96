using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Submit;

/// <summary>`submit build` against our real KCIDB REST server: where the URL and token come from (flags, then
/// `KCIDB_REST`, then the config file) and how refusals are reported (kci-dev.md §1, §2.3).</summary>
public sealed class SubmitBuildTests : IAsyncLifetime
{
    private static readonly string[] Build =
        ["submit", "build", "--origin", "myci", "--giturl", "https://example.org/linux.git", "--commit", "abc", "--arch", "x86_64", "--status", "PASS"];

    private readonly KciDevHarness _kciDev = new();
    private KcidbServer _kcidb = null!;

    public async ValueTask InitializeAsync() => _kcidb = await KcidbServer.StartAsync();

    [Fact]
    public async Task Config_file_url_and_token_submit_the_build()
    {
        _kciDev.WriteSettings($"""
            default_instance = "local"
            [local]
            kcidb_rest_url = "{_kcidb.SubmitUrl}"
            kcidb_token = "{_kcidb.Token("myci")}"
            """);

        var result = await _kciDev.RunAsync(Build);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Submitted successfully: {", result.Output);
        Assert.Contains("\"status\":\"ok\"", result.Output);
    }

    [Fact]
    public async Task Kcidb_rest_variable_carries_the_token_in_the_url()
    {
        _kciDev.Environment["KCIDB_REST"] = $"http://{_kcidb.Token("myci")}@{_kcidb.Url.Authority}";

        var result = await _kciDev.RunAsync(Build);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Flags_win_over_the_variable()
    {
        _kciDev.Environment["KCIDB_REST"] = $"http://wrong@{_kcidb.Url.Authority}";

        var result = await _kciDev.RunAsync([.. Build, "--kcidb-rest-url", _kcidb.SubmitUrl.ToString(), "--kcidb-token", _kcidb.Token("myci")]);

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Refused_token_is_one_line()
    {
        var result = await _kciDev.RunAsync([.. Build, "--kcidb-rest-url", _kcidb.SubmitUrl.ToString(), "--kcidb-token", "not-a-token"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: KCIDB: KCIDB answered 401", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Url_flag_without_token_is_refused()
    {
        var result = await _kciDev.RunAsync([.. Build, "--kcidb-rest-url", _kcidb.SubmitUrl.ToString()]);

        Assert.Equal("kci-dev: Both --kcidb-rest-url and --kcidb-token must be provided together\n", result.Error);
    }

    [Fact]
    public async Task Variable_without_token_is_refused()
    {
        _kciDev.Environment["KCIDB_REST"] = $"http://{_kcidb.Url.Authority}/submit";

        var result = await _kciDev.RunAsync(Build);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: KCIDB_REST: expected https://TOKEN@host", result.Error);
    }

    [Fact]
    public async Task No_credentials_anywhere_says_where_to_put_them()
    {
        var result = await _kciDev.RunAsync(Build);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: No KCIDB credentials found.", result.Error);
    }

    public async ValueTask DisposeAsync()
    {
        _kciDev.Dispose();
        await _kcidb.DisposeAsync();
    }
}
