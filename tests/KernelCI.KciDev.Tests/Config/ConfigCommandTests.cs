using KernelCI.KciDev.Config;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Config;

/// <summary>`kci-dev config` (kci-dev.md §1).</summary>
public sealed class ConfigCommandTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    private string UserConfig => Path.Combine(_kciDev.HomeDirectory, ".config", "kci-dev", "kci-dev.toml");

    [Fact]
    public async Task Config_writes_the_template_to_the_users_config_with_mode_0600()
    {
        var result = await _kciDev.RunAsync("config");

        Assert.Equal((0, $"Config file not present, adding a config file to {UserConfig}\n", ""), (result.ExitCode, result.Output, result.Error));
        Assert.Equal(ConfigTemplate.Text, await File.ReadAllTextAsync(UserConfig, TestContext.Current.CancellationToken));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(UserConfig));
    }

    [Fact]
    public void Config_template_has_the_three_instances_and_local_as_default()
    {
        var config = KciDevConfig.Parse("template", ConfigTemplate.Text);

        Assert.Equal(["local", "staging", "production"], config.Instances.Keys);
        Assert.Equal("local", config.DefaultInstance);
        Assert.Equal("http://127.0.0.1:8002/", config.Instances["local"].Pipeline);
    }

    [Fact]
    public async Task Config_file_path_writes_there_expanding_home_and_variables()
    {
        _kciDev.Environment["NAME"] = "mine";

        var result = await _kciDev.RunAsync("config", "--file-path", "~/conf/$NAME.toml");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_kciDev.HomeDirectory, "conf", "mine.toml")));
    }

    [Theory]
    [InlineData("work")]
    [InlineData("user")]
    [InlineData("etc")]
    public async Task Config_refuses_when_any_of_the_three_places_holds_a_file(string where)
    {
        var existing = where switch
        {
            "work" => Path.Combine(_kciDev.WorkingDirectory, ".kci-dev.toml"),
            "user" => UserConfig,
            _ => Path.Combine(_kciDev.SystemConfigDirectory, "kci-dev.toml"),
        };
        _kciDev.WriteSettings("default_instance = \"x\"\n", existing);

        var result = await _kciDev.RunAsync("config", "--file-path", "new.toml");

        Assert.Equal((1, $"kci-dev: config file already present at: {existing}\n"), (result.ExitCode, result.Error));
        Assert.False(File.Exists(Path.Combine(_kciDev.WorkingDirectory, "new.toml")));
    }

    [Fact]
    public async Task Config_file_path_that_is_a_directory_is_refused()
    {
        var result = await _kciDev.RunAsync("config", "--file-path", _kciDev.HomeDirectory);

        Assert.Equal((1, $"kci-dev: --file-path {_kciDev.HomeDirectory}: is a directory, not a config file\n"), (result.ExitCode, result.Error));
    }

    public void Dispose() => _kciDev.Dispose();
}
