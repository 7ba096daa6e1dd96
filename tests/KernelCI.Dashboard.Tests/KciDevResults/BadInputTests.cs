namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Bad filter values stop our kci-dev before any request, with one line on standard error naming the option.</summary>
public sealed class BadInputTests
{
    // Nothing listens there: a request sent would be recorded, then fail.
    private static readonly Uri Nowhere = new("http://127.0.0.1:9/api/");

    private static readonly string[] Head = BuildsCommandTests.Head;

    [Theory]
    [InlineData("--start-date", "yesterday")]
    [InlineData("--start-date", "2026-13-01")]
    [InlineData("--end-date", "01/12/2026")]
    [InlineData("--status", "maybe")]
    [InlineData("--min-duration", "-3")]
    [InlineData("--max-duration", "abc")]
    [InlineData("--filter", "missing.yaml")]
    public async Task Bad_value_is_one_line_naming_the_option_before_any_request(string option, string value)
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, ["results", "tests", option, value, .. Head]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.Equal($"kci-dev: {option} {value}: ", run.Result.Error[..$"kci-dev: {option} {value}: ".Length]);
        Assert.Single(run.Result.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(run.Requests);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task End_date_before_start_date_is_refused()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, ["results", "boots", "--start-date", "2026-12-02", "--end-date", "2026-12-01", .. Head]);

        Assert.Equal("kci-dev: --end-date 2026-12-01: before --start-date 2026-12-02\n", run.Result.Error);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Filter_file_that_is_not_yaml_is_refused()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "f.yaml"), "hardware: [unclosed\n"),
            ["results", "tests", "--filter", "f.yaml", .. Head]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.StartsWith("kci-dev: --filter f.yaml: not valid YAML", run.Result.Error);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Filter_file_list_of_mappings_is_refused()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, k => File.WriteAllText(Path.Combine(k.WorkingDirectory, "f.yaml"), "test:\n  - {a: b}\n"),
            ["results", "tests", "--filter", "f.yaml", .. Head]);

        Assert.Equal("kci-dev: --filter f.yaml: `test` must be a list of names\n", run.Result.Error);
    }

    [Fact]
    public async Task Bad_page_size_variable_is_refused()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, k => k.Environment["KCIDEV_PAGE_SIZE"] = "0", ["results", "builds", .. Head]);

        Assert.Equal("kci-dev: KCIDEV_PAGE_SIZE=0: must be a whole number from 1 to 10000\n", run.Result.Error);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Hardware_needs_a_name()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, "results", "hardware", "tests", "--name", " ");

        Assert.Equal("kci-dev: --name: give a platform or compatible\n", run.Result.Error);
        Assert.Empty(run.Requests);
    }

    [Fact]
    public async Task Summary_of_an_unreachable_dashboard_is_one_line()
    {
        var run = await ResultsServer.RunOursAsync(Nowhere, ["results", "summary", .. Head]);

        Assert.Equal(1, run.Result.ExitCode);
        Assert.StartsWith("kci-dev: cannot reach the server", run.Result.Error);
        Assert.Single(run.Result.Error.TrimEnd('\n').Split('\n'));
    }
}
