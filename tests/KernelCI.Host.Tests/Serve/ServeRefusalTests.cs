using KernelCI.Host.Serve;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Serve;

/// <summary>A configuration `serve` cannot start from is told in one line per failure and exit code 2, never a stack trace.</summary>
public sealed class ServeRefusalTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-refusal-").FullName;

    [Fact]
    public async Task Serve_with_invalid_component_options_prints_one_line_per_failure_and_exits_2()
    {
        var console = new TestConsole();
        var settings = new ServeSettings(Path.Combine(_root, "data"), null, await ConfigAsync("""{ "Strict": { "Limit": 0 } }"""),
            "127.0.0.1", FreePort.BasePort(), []);

        var exitCode = await new ServeHost(console, [new StrictComponent()]).RunAsync(settings, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Equal(["Strict:Limit must be positive", "Strict:Name must be set"], Lines(console.Error));
    }

    [Fact]
    public async Task Serve_with_an_invalid_pipeline_config_prints_one_line_and_exits_2()
    {
        var config = Directory.CreateDirectory(Path.Combine(_root, "pipeline")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "trees.yaml"), """
            build_configs:
              broken:
                tree: nowhere
                branch: master
            """, TestContext.Current.CancellationToken);

        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.Combine(_root, "data"), "--base-port", "0",
            "--pipeline-config", config);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(Lines(console.Error));
        Assert.StartsWith("pipeline configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("trees.yaml", line, StringComparison.Ordinal);
        Assert.Contains("build_configs.broken.tree", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_of_the_pipeline_without_maestro_or_its_token_exits_2_naming_the_key()
    {
        var (exitCode, console) = await TestConsole.RunAsync("serve", "--data-dir", Path.Combine(_root, "data"), "--base-port", "0",
            "--only", "pipeline");

        Assert.Equal(2, exitCode);
        Assert.Equal(["Pipeline:MaestroToken must be set when the Maestro API runs in another process"], Lines(console.Error));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private static string[] Lines(StringWriter writer) => writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task<string> ConfigAsync(string json)
    {
        var path = Path.Combine(_root, "config.json");
        await File.WriteAllTextAsync(path, json, TestContext.Current.CancellationToken);
        return path;
    }
}
