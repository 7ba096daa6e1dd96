using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>`results build --id ID`: one build from `build/{id}` (kci-dev.md §2.2); `--json` prints real JSON where
/// upstream prints a Python dict.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ItemOptions();
        var command = options.AddTo(new Command("build", "Show one build"));
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var dashboard = session.Dashboard();
            var build = await options.FetchAsync(session, dashboard, "build", cancellationToken);
            var log = ResultText.Str(build["log_url"]);
            if (session.Value(options.DownloadLogs))
            {
                // Upstream's name: config-arch-compiler-commit-id.log (parser.py, cmd_single_build).
                var name = string.Join('-', new[] { "config_name", "architecture", "compiler", "git_commit_hash", "id" }.Select(k => ResultText.Python(build[k]))) + ".log";
                using var downloader = new LogDownloader(session, dashboard.BaseAddress);
                log = await downloader.SaveAsync(log, name, cancellationToken);
            }

            var links = new DashboardLinks(dashboard.BaseAddress);
            if (session.Value(options.Json))
            {
                await JsonOutput.WriteAsync(session.Console, BuildOutput.Json(build, log, links));
            }
            else
            {
                BuildOutput.Text(session.Console, build, log, links);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
