using System.CommandLine;
using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Bisect;

/// <summary>`bisect`: finds the commit that broke a test by running the bisection engine in process, each step a
/// pipeline checkout followed through Maestro's events (upstream re-launches `kci-dev checkout --watch` per step:
/// kernelci/kci-dev:kcidev/subcommands/bisect.py). Interrupted, it resumes from the state file in the work folder.</summary>
internal static class BisectCommand
{
    public static Command Create(CliContext context, StepRunnerFactory? runners = null)
    {
        runners ??= PipelineRunnerFactory.Create;
        var options = new BisectOptions();
        var command = new Command("bisect", "Bisect a kernel regression: find the first commit whose test fails");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(options.RetryFail) < 0)
            {
                throw new CliException($"--retry-fail {session.Value(options.RetryFail)}: must be 0 or more");
            }

            var workDirectory = Path.GetFullPath(Path.Combine(context.WorkingDirectory, session.Value(options.WorkDir)!));
            var stateFile = Path.Combine(workDirectory, session.Value(options.StateFile)!);
            var state = session.Value(options.IgnoreState) ? null : await BisectStateFile.LoadAsync(stateFile, cancellationToken);
            if (state is null)
            {
                state = NewState(session, options);
            }
            else
            {
                await ResumingAsync(session, options, state, stateFile);
            }

            var printer = new BisectPrinter(session.Console);
            var result = state.IsComplete
                ? BisectResult.From(state)
                : await printer.RunAsync(() => new BisectEngine(runners(session, state, printer), context.Time)
                    .RunAsync(state, workDirectory, stateFile, printer, cancellationToken));
            BisectReport.Write(session.Console, result);
            return result.FirstBad is null ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static BisectState NewState(CommandSession session, BisectOptions options)
    {
        string Required(Option<string?> option) =>
            session.Value(option) is { Length: > 0 } value ? value : throw new CliException($"{option.Name} is required to start a bisection");

        var giturl = Required(options.GitUrl);
        var branch = Required(options.Branch);
        var good = Required(options.Good);
        var bad = Required(options.Bad);
        var jobs = session.Value(options.JobFilter) is { Length: > 0 } j ? j : throw new CliException("--job-filter is required to start a bisection");
        var platforms = session.Value(options.PlatformFilter) is { Length: > 0 } p ? p : throw new CliException("--platform-filter is required to start a bisection");
        return new BisectState
        {
            Giturl = giturl,
            Branch = branch,
            Good = good,
            Bad = bad,
            RetryFail = session.Value(options.RetryFail),
            JobFilter = jobs,
            PlatformFilter = platforms,
            Test = Required(options.Test),
        };
    }

    private static async Task ResumingAsync(CommandSession session, BisectOptions options, BisectState state, string stateFile)
    {
        var given = options.Starting.Where(o => session.Parse.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (given.Count > 0)
        {
            await session.Console.Error.WriteLineAsync(
                $"kci-dev: {string.Join(", ", given)} ignored: resuming the bisection of {stateFile} (--ignore-state starts a new one)");
        }

        PlainOrColour.Line(session.Console, "green",
            $"Resuming the bisection of {state.Giturl} {state.Branch} ({state.Good}..{state.Bad}, test {state.Test}) from {stateFile}: {state.Steps.Count} steps decided");
    }
}
