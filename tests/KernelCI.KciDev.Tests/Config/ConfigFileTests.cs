using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Config;

/// <summary>kci-dev.md §1: only the first config file that exists is read, and bad ones fail in one line.</summary>
public sealed class ConfigFileTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();
    private readonly StubDashboard _dashboard = new();

    [Fact]
    public async Task Settings_file_in_the_working_folder_wins_over_the_users()
    {
        // Given a user config and a ./.kci-dev.toml pointing at different dashboards
        _kciDev.WriteSettings("dashboard_api = \"http://127.0.0.1:9/api/\"\n", Path.Combine(_kciDev.HomeDirectory, ".config", "kci-dev", "kci-dev.toml"));
        _kciDev.WriteSettings($"dashboard_api = \"{_dashboard.Url}\"\n");
        _kciDev.Handler = _dashboard.Handler;

        // When results trees runs
        var result = await _kciDev.RunAsync("results", "trees", "--json");

        // Then the working folder's dashboard was asked
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"{_dashboard.Url}tree?", Assert.Single(_dashboard.Requests));
    }

    [Fact]
    public async Task Missing_settings_file_is_one_line_and_exit_1()
    {
        var result = await _kciDev.RunAsync("--settings", "nowhere.toml", "results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: --settings nowhere.toml: no such file", result.Error.Trim());
    }

    [Fact]
    public async Task Invalid_toml_names_the_file()
    {
        var path = _kciDev.WriteSettings("default_instance = [unclosed\n");

        var result = await _kciDev.RunAsync("results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith($"kci-dev: {path}: not a valid TOML file", result.Error);
    }

    [Fact]
    public async Task Unknown_instance_lists_the_known_ones()
    {
        _kciDev.WriteSettings("default_instance = \"local\"\n[local]\napi = \"http://127.0.0.1:9/\"\n[staging]\napi = \"http://127.0.0.1:9/\"\n");

        var result = await _kciDev.RunAsync("--instance", "prod", "results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("instance prod: not in", result.Error);
        Assert.Contains("local, staging", result.Error);
    }

    [Fact]
    public async Task Default_instance_without_its_table_is_one_line()
    {
        _kciDev.WriteSettings("default_instance = \"local\"\n[staging]\napi = \"http://127.0.0.1:9/\"\n");

        var result = await _kciDev.RunAsync("results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("instance local: not in", result.Error);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _dashboard.Dispose();
    }
}
