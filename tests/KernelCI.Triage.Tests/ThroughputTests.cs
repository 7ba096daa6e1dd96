namespace KernelCI.Triage.Tests;

public sealed class ThroughputTests
{
    [Fact]
    public async Task Throughput_hook_parses_a_file_and_counts_its_problems()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Corpus", "kasan.log");

        var (megabytesPerSecond, problems) = await TriageThroughput.MeasureAsync(path, LogKind.Boot,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, problems);
        Assert.True(megabytesPerSecond > 0);
    }
}
