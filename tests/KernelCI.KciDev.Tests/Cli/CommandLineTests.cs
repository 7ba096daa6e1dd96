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

    [Fact]
    public async Task Interrupted_command_says_so_and_exits_130()
    {
        // Given a dashboard that never answers
        var dashboard = new StubDashboard();
        var answered = new TaskCompletionSource();
        _kciDev.Handler = () => new NeverAnswers(answered);
        _kciDev.WriteSettings($"dashboard_api = \"{dashboard.Url}\"\n");
        using var interrupt = new CancellationTokenSource();

        // When Ctrl+C arrives while it waits
        var run = _kciDev.RunAsync(interrupt.Token, "results", "trees");
        await answered.Task;
        await interrupt.CancelAsync();
        var result = await run;

        // Then one line and the shell's code for SIGINT
        Assert.Equal(130, result.ExitCode);
        Assert.Equal("kci-dev: interrupted", result.Error.Trim());
    }

    private sealed class NeverAnswers(TaskCompletionSource asked) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    public void Dispose() => _kciDev.Dispose();
}
