using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Storage;

/// <summary>`storage upload` and `storage checkauth` against our real storage server (kci-dev.md §2.3, §9).</summary>
public sealed class StorageCommandTests : IAsyncLifetime
{
    private readonly KciDevHarness _kciDev = new();
    private StorageServer _storage = null!;

    public async ValueTask InitializeAsync()
    {
        _storage = await StorageServer.StartAsync();
        _kciDev.WriteSettings($"""
            default_instance = "local"
            [local]
            storage_url = "{_storage.Url}"
            storage_token = "{_storage.Token()}"
            """);
    }

    [Fact]
    public async Task Upload_stores_each_file_under_the_path()
    {
        File.WriteAllText(Path.Combine(_kciDev.WorkingDirectory, "build.log"), "log text");
        File.WriteAllText(Path.Combine(_kciDev.WorkingDirectory, "config"), "CONFIG_X=y");

        var result = await _kciDev.RunAsync("storage", "upload", "--path", "myci/build-1", "build.log", "config");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Uploading build.log to myci/build-1/...\nUploaded: build.log\nUploading config to myci/build-1/...\nUploaded: config\n", result.Output);
        Assert.Equal("log text", await _storage.ReadAsync("myci/build-1/build.log"));
        Assert.Equal("CONFIG_X=y", await _storage.ReadAsync("myci/build-1/config"));
    }

    [Fact]
    public async Task Upload_skips_folders_with_a_warning()
    {
        Directory.CreateDirectory(Path.Combine(_kciDev.WorkingDirectory, "logs"));
        File.WriteAllText(Path.Combine(_kciDev.WorkingDirectory, "a.txt"), "a");

        var result = await _kciDev.RunAsync("storage", "upload", "--path", "p", "logs", "a.txt");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Skipping directory: logs\n", result.Error);
        Assert.Equal("a", await _storage.ReadAsync("p/a.txt"));
    }

    [Fact]
    public async Task Missing_file_is_refused_before_any_upload()
    {
        File.WriteAllText(Path.Combine(_kciDev.WorkingDirectory, "a.txt"), "a");

        var result = await _kciDev.RunAsync("storage", "upload", "--path", "p", "a.txt", "nope.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: nope.txt: no such file\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Checkauth_says_whose_token_it_is()
    {
        var result = await _kciDev.RunAsync("storage", "checkauth");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Authorized: dev@example.org\n", result.Output);
    }

    [Fact]
    public async Task Bad_token_is_one_line()
    {
        var result = await _kciDev.RunAsync("storage", "checkauth", "--storage-url", _storage.Url.ToString(), "--storage-token", "bad");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: storage: bad token: the server refused it (HTTP 401; invalid or expired)\n", result.Error);
    }

    [Fact]
    public async Task Environment_pair_wins_over_the_config_file()
    {
        _kciDev.Environment["KCI_STORAGE_URL"] = _storage.Url.ToString();
        _kciDev.Environment["KCI_STORAGE_TOKEN"] = _storage.Token("env@example.org");

        var result = await _kciDev.RunAsync("storage", "checkauth");

        Assert.Equal("Authorized: env@example.org\n", result.Output);
    }

    [Fact]
    public async Task Half_an_environment_pair_is_refused()
    {
        _kciDev.Environment["KCI_STORAGE_TOKEN"] = "t";

        var result = await _kciDev.RunAsync("storage", "checkauth");

        Assert.Equal("kci-dev: Both KCI_STORAGE_URL and KCI_STORAGE_TOKEN env vars must be set together\n", result.Error);
    }

    [Fact]
    public async Task Half_a_flag_pair_is_refused()
    {
        var result = await _kciDev.RunAsync("storage", "checkauth", "--storage-token", "t");

        Assert.Equal("kci-dev: Both --storage-url and --storage-token must be provided together\n", result.Error);
    }

    public async ValueTask DisposeAsync()
    {
        _kciDev.Dispose();
        await _storage.DisposeAsync();
    }
}
