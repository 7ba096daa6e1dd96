using KernelCI.Dashboard.Tests.Issues;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.KciDev.Cli;

namespace KernelCI.Dashboard.Tests.KciDevItems;

/// <summary>On a terminal the text goes through Spectre.Console's markup (colours), where a value with `[` or a bad tag
/// would throw: each text command once with a terminal console.</summary>
public sealed class TerminalOutputTests(IssueSeedServer issues, ReportSeedServer report) : IClassFixture<IssueSeedServer>, IClassFixture<ReportSeedServer>
{
    [Theory]
    [InlineData("results", "build", "--id", "maestro:b1")]
    [InlineData("results", "boot", "--id", "maestro:t1")]
    [InlineData("results", "test", "--id", "maestro:t2")]
    [InlineData("results", "issue", "--id", "maestro:i1")]
    [InlineData("results", "issues")]
    [InlineData("results", "issues", "--giturl", IssueSeed.MainlineUrl, "--branch", "master", "--commit", IssueSeed.MainlineCommit)]
    [InlineData("results", "issues", "--missing", "--days", "10")]
    public async Task Issue_seed_commands_print_on_a_terminal(params string[] arguments)
    {
        var (code, output, error) = await RunOnTerminalAsync(issues.ApiUrl, arguments);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Empty(error);
        Assert.NotEmpty(output);
    }

    [Theory]
    [InlineData("results", "compare", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch)]
    [InlineData("results", "tree-report", "--giturl", ReportSeed.GitUrl, "--branch", ReportSeed.Branch)]
    public async Task Report_seed_commands_print_on_a_terminal(params string[] arguments)
    {
        var (code, output, error) = await RunOnTerminalAsync(report.ApiUrl, arguments);

        Assert.True(code == 0, $"{output}\n{error}");
        Assert.Empty(error);
        Assert.Contains("regression", output, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<(int Code, string Output, string Error)> RunOnTerminalAsync(Uri api, string[] arguments)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-kcidev-terminal-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, ".kci-dev.toml"), $"dashboard_api = \"{api}\"\n");
            var (output, error) = (new StringWriter(), new StringWriter());
            var context = new CliContext(new KciConsole(output, error, isTerminal: true), _ => null, root, root, root,
                () => new SocketsHttpHandler(), TimeProvider.System);
            var code = await KciDevApp.RunAsync(arguments, context, TestContext.Current.CancellationToken);
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
