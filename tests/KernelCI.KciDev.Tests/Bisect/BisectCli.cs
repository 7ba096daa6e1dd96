using System.CommandLine;
using KernelCI.Client.Bisection;
using KernelCI.KciDev.Bisect;
using KernelCI.KciDev.Cli;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>Runs `kci-dev bisect` in process as <see cref="KciDevHarness"/> does, but with the test's step runner in
/// place of the pipeline's, and records the state each runner was made for.</summary>
internal sealed class BisectCli(KciDevHarness harness, IBisectStepRunner runner)
{
    public List<BisectState> RunnerStates { get; } = [];

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Whether kci-dev believes its output is a terminal (live status, colours).</summary>
    public bool IsTerminal { get; init; }

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new KciConsole(output, error, IsTerminal), name => harness.Environment.GetValueOrDefault(name),
            harness.HomeDirectory, harness.WorkingDirectory, harness.SystemConfigDirectory, harness.Handler, Time);
        var root = new RootCommand();
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(BisectCommand.Create(context, (_, state, _) =>
        {
            RunnerStates.Add(state);
            return runner;
        }));
        var code = await root.Parse(["bisect", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new ProcessResult(code, output.ToString(), error.ToString());
    }
}
