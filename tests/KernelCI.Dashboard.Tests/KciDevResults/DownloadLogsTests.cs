using KernelCI.Dashboard.Tests.Hardware;
using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>`--download-logs`: each listed item's log is fetched, gunzipped and saved in the working folder under
/// upstream's name, and the printed log becomes its file:// path.</summary>
public sealed class DownloadLogsTests
{
    private static async Task<OurRun> RunAsync(Func<DashboardTestApp, Task> seed, params string[] arguments)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await seed(app);
        return await ResultsServer.RunOursAsync(app.ApiUrl, k =>
        {
            k.Handler = () => new LogHost(app.App.GetTestServer().CreateHandler());
        }, arguments);
    }

    [Fact]
    public async Task Build_logs_are_saved_gunzipped_under_config_arch_compiler_and_commit()
    {
        var run = await RunAsync(TreeSeed.SeedAsync, ["results", "builds", "--status", "pass", "--download-logs", "--json", .. BuildsCommandTests.Head]);

        var name = $"defconfig-arm64-gcc-12-{TreeSeed.HeadCommit}.log";
        Assert.Equal(LogHost.Text("/b-arm64/build.log.gz"), run.Files[name]);
        var log = (string)Assert.Single(run.Json().AsArray())!["log"]!;
        Assert.StartsWith("file:///", log);
        Assert.EndsWith("/work/" + name, log);
    }

    [Fact]
    public async Task Boot_logs_are_named_by_platform_path_config_arch_compiler_and_commit()
    {
        var run = await RunAsync(TreeSeed.SeedAsync, ["results", "boots", "--status", "fail", "--download-logs", .. BuildsCommandTests.Head]);

        var name = $"bcm2711-rpi-4-b__boot__defconfig-arm64-gcc-12-{TreeSeed.HeadCommit}.log";
        Assert.Equal(LogHost.Text("/t-boot-rpi/log.txt.gz"), run.Files[name]);
        Assert.True(run.Output.Contains("  log: file:///", StringComparison.Ordinal), run.Output);
        Assert.Equal(0, run.Result.ExitCode);
    }

    [Fact]
    public async Task Hardware_test_logs_end_with_the_hardware_name_without_forbidden_characters()
    {
        // HardwareSeed's logs are not gzipped: saved as they come.
        var run = await RunAsync(app => HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow),
            "results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--test-path", "baseline.login", "--download-logs", "--json");

        Assert.Equal("maestro:t2", Assert.Single(run.Ids()));
        var name = $"{HardwareSeed.Board}__baseline.login__defconfig-arm64-gcc-12-mediatek,mt8195.log";
        Assert.Equal([name], run.Files.Keys);
    }

    [Fact]
    public async Task A_log_that_cannot_be_fetched_is_one_line_and_the_url_stays()
    {
        var run = await RunAsync(app => app.SeedAsync(MissingLogDocument()),
            "results", "builds", "--giturl", "https://git.example/m.git", "--branch", "master", "--commit", new string('7', 40), "--download-logs", "--json");

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal("https://storage.example/missing/build.log.gz", (string?)Assert.Single(run.Json().AsArray())!["log"]);
        Assert.StartsWith("kci-dev: failed to fetch log https://storage.example/missing/build.log.gz: ", run.Result.Error);
        Assert.Empty(run.Files);
    }

    private static string MissingLogDocument() => $$"""
        {"version": {"major": 5, "minor": 3},
         "checkouts": [{"id": "maestro:ck-m", "origin": "maestro", "tree_name": "m", "git_repository_url": "https://git.example/m.git",
                        "git_repository_branch": "master", "git_commit_hash": "{{new string('7', 40)}}", "start_time": "{{TreeSeed.Time(DateTimeOffset.UtcNow.AddHours(-1))}}"}],
         "builds": [{"id": "maestro:b-m", "origin": "maestro", "checkout_id": "maestro:ck-m", "architecture": "x86_64", "compiler": "gcc-12",
                     "config_name": "defconfig", "status": "FAIL", "log_url": "https://storage.example/missing/build.log.gz"}]}
        """;
}
