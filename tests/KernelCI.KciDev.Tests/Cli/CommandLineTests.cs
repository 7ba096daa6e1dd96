using KernelCI.Testing;
using Spectre.Console;

namespace KernelCI.KciDev.Tests.Cli;

/// <summary>What the parser refuses is one line and click's usage exit code, not a help page.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    [Fact]
    public async Task Missing_required_option_is_one_line_and_exit_2()
    {
        var result = await _kciDev.RunAsync("results", "build");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var line = Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("kci-dev: ", line);
        Assert.Contains("--id", line);
        Assert.EndsWith("(see `kci-dev results build --help`)", line);
    }

    [Fact]
    public async Task Unknown_command_is_one_line_and_exit_2()
    {
        var result = await _kciDev.RunAsync("resluts");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("resluts", Assert.Single(result.Error.Trim().Split('\n')));
    }

    [Fact]
    public async Task Help_still_prints_the_usage()
    {
        var result = await _kciDev.RunAsync("results", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("trees", result.Output);
    }

    [Fact]
    public void Long_lines_are_not_wrapped_in_a_pipe()
    {
        var output = new StringWriter();
        var console = new KernelCI.KciDev.Cli.KciConsole(output, TextWriter.Null, isTerminal: false);
        var line = "https://dashboard.example/test/" + new string('x', 300);

        console.Ansi.WriteLine(line);

        Assert.Equal(line + "\n", output.ToString());
    }

    public void Dispose() => _kciDev.Dispose();
}
