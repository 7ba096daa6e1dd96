using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>`validate builds` and `validate boots`: the rows of <see cref="Validator"/>, printed as a list, a table or
/// upstream's JSON report; `--fail-on-mismatch` makes any mismatch exit 1. With `--json`, everything else goes to
/// standard error so standard output is the report alone (kernelci/kci-dev:kcidev/subcommands/maestro/validate/).</summary>
internal static class ValidateKindCommand
{
    public static Command Create(CliContext context, string kind)
    {
        var options = new ValidateOptions();
        var command = new Command(kind, kind == "builds"
            ? "Compare the dashboard's builds of a checkout (or of every tree, or of the last days' checkouts) with Maestro's kbuild nodes"
            : "Compare the dashboard's boots of a checkout (or of every tree) with Maestro's baseline nodes");
        options.AddTo(command, history: kind == "builds");
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(options.Days) <= 0)
            {
                throw new CliException($"--days {session.Value(options.Days)}: must be a positive number of days");
            }

            var json = session.Value(options.Revision.Json);
            var history = session.Value(options.History);
            var api = MaestroApi.BaseUrl(session);
            var dashboard = session.Dashboard();
            var origin = session.Value(options.Revision.Origin) ?? "maestro";
            var arch = session.Value(options.Revision.Arch);
            var sources = new ValidationSources(MaestroApi.Client(session, api), dashboard, origin, arch);
            var progress = json ? session.Console.Error : session.Console.Out;
            if (!json)
            {
                await progress.WriteLineAsync($"Fetching {kind[..^1]} information...");
            }

            var rows = await new Validator(session, options, kind, sources, dashboard).RowsAsync(cancellationToken);
            if (session.Value(options.Verbose))
            {
                await ValidationVerbose.WriteAsync(progress, rows);
            }

            if (json)
            {
                var report = ValidationReport.Create(kind, rows, history, origin, session.Value(options.Days), arch);
                await session.Console.Out.WriteLineAsync(PythonJson.Dumps(report, indent: null, sortKeys: false));
            }
            else if (session.Value(options.TableOutput))
            {
                ValidationOutput.Table(session.Console, rows, kind, history);
            }
            else
            {
                ValidationOutput.List(session.Console, rows, kind, history, api);
            }

            return session.Value(options.FailOnMismatch) && rows.Any(r => !r.Matches) ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
