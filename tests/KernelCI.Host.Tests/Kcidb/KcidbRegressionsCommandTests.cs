namespace KernelCI.Host.Tests.Kcidb;

/// <summary>`kernelci kcidb regressions` (docs/regressions.md, "Full recomputation"); what it computes is tested in
/// KernelCI.Kcidb.Tests (RegressionRecomputeTests).</summary>
public sealed class KcidbRegressionsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Regressions_on_a_folder_without_a_database_is_a_usage_error()
    {
        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "regressions", "--data-dir", _directory);

        Assert.Equal(1, exitCode);
        Assert.Contains("--data-dir", console.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regressions_on_a_new_kcidb_database_recomputes_nothing()
    {
        await File.WriteAllBytesAsync(Path.Combine(_directory, "kcidb.db"), [], TestContext.Current.CancellationToken);

        var (exitCode, console) = await TestConsole.RunAsync("kcidb", "regressions", "--data-dir", _directory);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("recomputed 0 series in ", console.Out.ToString(), StringComparison.Ordinal);
    }
}
