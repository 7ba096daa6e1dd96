using System.Text.Json;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Serve;

/// <summary>A LAVA lab entry `serve` cannot run is told in one line naming the runtime and the key, with exit code 2,
/// before any listener starts (so no host logs a stack trace) (docs/labs.md, "Connecting a LAVA lab").</summary>
public sealed class ServeLabConfigTests : IDisposable
{
    private const string Token = "runtime_token: lava-lab-submit";

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-lab-").FullName;

    [Fact]
    public async Task Lava_lab_without_url_that_the_scheduler_uses_is_refused_naming_url()
    {
        var (exitCode, console) = await ServeAsync("lab_type: lava");

        AssertRefused(exitCode, console, "runtimes.lava-lab.url: must be set, as scheduler job 'baseline' runs on it");
    }

    [Fact]
    public async Task Lava_lab_whose_token_is_not_in_the_secret_store_is_refused_naming_the_secret()
    {
        var (exitCode, console) = await ServeAsync("lab_type: lava", "url: http://127.0.0.1:9/", "runtime_token: nosuch-secret");

        AssertRefused(exitCode, console, "runtimes.lava-lab.runtime_token: no secret 'nosuch-secret' in the data folder's secrets.json");
    }

    [Fact]
    public async Task Lava_lab_with_a_priority_above_100_is_refused_naming_the_key()
    {
        var (exitCode, console) = await ServeAsync("lab_type: lava", "url: http://127.0.0.1:9/", Token, "priority_min: 10", "priority_max: 300");

        AssertRefused(exitCode, console, "runtimes.lava-lab.priority_max: '300' is not a number from 0 to 100");
    }

    [Fact]
    public async Task Lava_lab_whose_priority_is_no_level_name_is_refused_naming_the_key()
    {
        var (exitCode, console) = await ServeAsync("lab_type: lava", "url: http://127.0.0.1:9/", Token, "priority: urgent");

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(console.Error));
        Assert.Contains("runtimes.lava-lab.priority: 'urgent' is neither an integer nor one of low, medium, high", line, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", console.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lava_lab_whose_priority_max_is_below_its_min_is_refused()
    {
        var (exitCode, console) = await ServeAsync("lab_type: lava", "url: http://127.0.0.1:9/", Token, "priority_min: 60", "priority_max: 40");

        AssertRefused(exitCode, console, "runtimes.lava-lab.priority_max: 40 is below priority_min 60");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static void AssertRefused(int exitCode, TestConsole console, string expected)
    {
        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, Assert.Single(Lines(console.Error)), StringComparison.Ordinal);
        // No component's listener was built, so none could log its failed start.
        Assert.DoesNotContain("http://", console.Out.ToString(), StringComparison.Ordinal);
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>`serve` with a one-lab configuration whose entry has <paramref name="lab"/>'s keys; the secret
    /// lava-lab-submit is in the data folder.</summary>
    private async Task<(int ExitCode, TestConsole Console)> ServeAsync(params string[] lab)
    {
        var ct = TestContext.Current.CancellationToken;
        var config = Directory.CreateDirectory(Path.Combine(_root, "pipeline")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "lab.yaml"), $$"""
            runtimes:
              lava-lab: { {{string.Join(", ", lab)}} }
            platforms:
              qemu: {arch: x86_64, boot_method: qemu, mach: qemu}
            jobs:
              baseline: {template: baseline.jinja2, kind: job, params: {test_method: baseline} }
            scheduler:
              - job: baseline
                event: {channel: node, kind: kbuild, state: available}
                runtime: {name: lava-lab}
                platforms: [qemu]
            """, ct);
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        await File.WriteAllTextAsync(Path.Combine(data, "secrets.json"), JsonSerializer.Serialize(new Dictionary<string, string> { ["lava-lab-submit"] = "s3cret" }), ct);
        return await TestConsole.RunAsync("serve", "--data-dir", data, "--base-port", FreePort.BasePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--pipeline-config", config);
    }
}
