using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>What `results test` and `results boot` share: both read `test/{id}`, as upstream's do (kci-dev.md §3.1).</summary>
internal static class TestItemCommand
{
    public static Command Create(CliContext context, string name, string description)
    {
        var options = new ItemOptions();
        var command = options.AddTo(new Command(name, description));
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var dashboard = session.Dashboard();
            var test = await options.FetchAsync(session, dashboard, "test", cancellationToken);
            var log = ResultText.Str(test["log_url"]);
            if (session.Value(options.DownloadLogs))
            {
                // Upstream's name: platform__path__config-arch-compiler-id.log (parser.py, cmd_single_test).
                var file = $"{ResultText.Python(ItemFields.Platform(test))}__{ResultText.Python(test["path"])}__"
                    + string.Join('-', new[] { "config_name", "architecture", "compiler", "id" }.Select(k => ResultText.Python(test[k]))) + ".log";
                using var downloader = new LogDownloader(session, dashboard.BaseAddress);
                log = await downloader.SaveAsync(log, file, cancellationToken);
            }

            var links = new DashboardLinks(dashboard.BaseAddress);
            if (session.Value(options.Json))
            {
                await JsonOutput.WriteAsync(session.Console, TestOutput.Json(test, log, links));
            }
            else
            {
                TestOutput.Text(session.Console, test, log, links);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
