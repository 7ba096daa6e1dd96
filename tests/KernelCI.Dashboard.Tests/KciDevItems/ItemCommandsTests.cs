using System.IO.Compression;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>Our `results build|boot|test --id` against the seeded dashboard (IssueSeed): upstream's text lines, real
/// JSON, the one request each sends, logs downloaded and unknown ids.</summary>
public sealed class ItemCommandsTests(IssueSeedServer server) : IClassFixture<IssueSeedServer>, IDisposable
{
    private readonly OurKciDev _kciDev = new(server.ApiUrl);

    [Fact]
    public async Task Build_text_has_upstreams_lines()
    {
        var result = await _kciDev.RunAsync("results", "build", "--id", "maestro:b1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"""
            - config:defconfig arch: arm64 compiler: gcc-12
              status:FAIL
              config_url: https://logs.example.org/b1.config
              log: https://logs.example.org/b1.log.gz
              id: maestro:b1
              dashboard: {server.Web}/build/maestro:b1


            """, result.Output);
        Assert.Equal(["GET /api/build/maestro:b1"], _kciDev.Requests);
    }

    [Fact]
    public async Task Build_json_is_json_with_upstreams_fields()
    {
        var result = await _kciDev.RunAsync("results", "build", "--id", "maestro:b1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($$"""
            {"config":"defconfig","arch":"arm64","compiler":"gcc-12","status":"FAIL","config_url":"https://logs.example.org/b1.config","log":"https://logs.example.org/b1.log.gz","id":"maestro:b1","dashboard":"{{server.Web}}/build/maestro:b1"}
            """, JsonNode.Parse(result.Output)!.ToJsonString());
    }

    [Fact]
    public async Task Boot_text_has_hardware_compatibles_and_runtime()
    {
        var result = await _kciDev.RunAsync("results", "boot", "--id", "maestro:t1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"""
            - test path: boot
              hardware: beagle
              compatibles: ti,beagle
              config: x86_64_defconfig arch: x86_64 compiler: gcc-12
              status:FAIL
              log: https://logs.example.org/t1.log.gz
              start time: 
            """, result.Output);
        Assert.EndsWith($"""
              runtime: lava-a
              id: maestro:t1
              dashboard: {server.Web}/test/maestro:t1


            """, result.Output);
        Assert.Equal(["GET /api/test/maestro:t1"], _kciDev.Requests);
    }

    [Fact]
    public async Task Test_json_links_to_the_test_page()
    {
        var result = await _kciDev.RunAsync("results", "test", "--id", "maestro:t2", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var test = JsonNode.Parse(result.Output)!.AsObject();
        Assert.Equal(["test_path", "hardware", "compatibles", "config", "arch", "status", "start_time", "log", "id", "dashboard", "runtime"],
            test.Select(p => p.Key));
        Assert.Equal("kselftest.timers", (string?)test["test_path"]);
        Assert.Equal("qemu-x86", (string?)test["hardware"]);
        Assert.Null(test["compatibles"]);
        Assert.Equal("PASS", (string?)test["status"]);
        Assert.Equal("lava-b", (string?)test["runtime"]);
        Assert.Equal($"{server.Web}/test/maestro:t2", (string?)test["dashboard"]);
    }

    [Fact]
    public async Task Inconclusive_status_names_the_status()
    {
        var result = await _kciDev.RunAsync("results", "boot", "--id", "maestro:t3", "--json");

        Assert.Equal("INCONCLUSIVE (status: ERROR)", (string?)JsonNode.Parse(result.Output)!["status"]);
    }

    [Theory]
    [InlineData("build", "Build not found")]
    [InlineData("test", "Test not found")]
    [InlineData("boot", "Test not found")]
    public async Task Unknown_id_is_one_line_and_exit_1(string command, string message)
    {
        var result = await _kciDev.RunAsync("results", command, "--id", "nobody:x", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"kci-dev: --id nobody:x: {message}\n", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Download_logs_saves_the_gunzipped_log_under_upstreams_name()
    {
        _kciDev.Logs["/b1.log.gz"] = Gzip("make: *** [vmlinux] Error 1\n");

        var result = await _kciDev.RunAsync("results", "build", "--id", "maestro:b1", "--download-logs", "--json");

        // Given upstream's name config-arch-compiler-commit-id.log, with ':' removed
        var file = Path.Combine(_kciDev.WorkingDirectory, $"defconfig-arm64-gcc-12-{Issues.IssueSeed.MainlineCommit}-maestrob1.log");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("make: *** [vmlinux] Error 1\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal("file://" + file, (string?)JsonNode.Parse(result.Output)!["log"]);
        Assert.Equal(["GET /api/build/maestro:b1", "GET /b1.log.gz"], _kciDev.Requests);
    }

    [Fact]
    public async Task Download_logs_names_a_test_log_by_platform_path_and_build()
    {
        _kciDev.Logs["/t1.log.gz"] = Gzip("login:\n");

        var result = await _kciDev.RunAsync("results", "boot", "--id", "maestro:t1", "--download-logs");

        var file = Path.Combine(_kciDev.WorkingDirectory, "beagle__boot__x86_64_defconfig-x86_64-gcc-12-maestrot1.log");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("login:\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Contains($"  log: file://{file}\n", result.Output);
    }

    [Fact]
    public async Task Download_logs_keeps_a_log_that_is_not_gzip_as_it_came()
    {
        _kciDev.Logs["/t2.log.gz"] = System.Text.Encoding.UTF8.GetBytes("plain text log\n");

        var result = await _kciDev.RunAsync("results", "test", "--id", "maestro:t2", "--download-logs", "--json");

        var file = Path.Combine(_kciDev.WorkingDirectory, "qemu-x86__kselftest.timers__x86_64_defconfig-x86_64-gcc-12-maestrot2.log");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("plain text log\n", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal([Path.GetFileName(file)], Directory.GetFiles(_kciDev.WorkingDirectory, "*.log*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task Log_that_cannot_be_fetched_warns_and_keeps_the_url()
    {
        var result = await _kciDev.RunAsync("results", "test", "--id", "maestro:t2", "--download-logs", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("kci-dev: failed to fetch log https://logs.example.org/t2.log.gz", result.Error);
        Assert.Equal("https://logs.example.org/t2.log.gz", (string?)JsonNode.Parse(result.Output)!["log"]);
        Assert.Empty(Directory.GetFiles(_kciDev.WorkingDirectory, "*.log*"));
    }

    [Fact]
    public async Task Missing_id_is_refused_before_any_request()
    {
        var result = await _kciDev.RunAsync("results", "build");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--id", result.Error);
        Assert.Empty(_kciDev.Requests);
    }

    private static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    public void Dispose() => _kciDev.Dispose();
}
