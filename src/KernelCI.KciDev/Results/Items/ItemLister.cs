using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Filters and prints builds or tests as they stream in (upstream's `cmd_builds` and `cmd_tests`,
/// kernelci/kci-dev:kcidev/subcommands/results/parser.py). <c>logSuffix</c> ends the downloaded logs' names: the
/// commit for a tree's lists, the hardware name for a hardware's. The filter is read (and checked) by the command
/// before its first request.</summary>
internal sealed class ItemLister(CommandSession session, ItemFilterOptions options, ItemFilter filter, bool json, Uri dashboardApi)
{
    private readonly DashboardLinks _links = new(dashboardApi);

    public async Task<int> BuildsAsync(IAsyncEnumerable<JsonObject> builds, string logSuffix, CancellationToken cancellationToken)
    {
        using var downloader = new LogDownloader(session, dashboardApi);
        var writer = new ItemListWriter(session.Console, json, session.Value(options.Count));
        await foreach (var build in builds.WithCancellation(cancellationToken))
        {
            if (!filter.MatchesBuild(build))
            {
                continue;
            }

            var log = ItemFields.Text(build, "log_url");
            if (session.Value(options.DownloadLogs))
            {
                var name = $"{ItemFields.Text(build, "config_name")}-{ItemFields.Text(build, "architecture")}-{ItemFields.Text(build, "compiler")}-{logSuffix}.log";
                log = await downloader.SaveAsync(log, name, cancellationToken);
            }

            await writer.AddAsync(() => BuildOutput.Json(build, log, _links), () => BuildOutput.Text(session.Console, build, log, _links));
        }

        await writer.FinishAsync();
        return ExitCodes.Success;
    }

    public async Task<int> TestsAsync(IAsyncEnumerable<JsonObject> tests, string logSuffix, CancellationToken cancellationToken)
    {
        using var downloader = new LogDownloader(session, dashboardApi);
        var writer = new ItemListWriter(session.Console, json, session.Value(options.Count));
        await foreach (var test in tests.WithCancellation(cancellationToken))
        {
            if (!filter.MatchesTest(test))
            {
                continue;
            }

            var log = ItemFields.Text(test, "log_url");
            if (session.Value(options.DownloadLogs))
            {
                var platform = test.ContainsKey("environment_misc") ? ItemFields.Platform(test) : "(Unknown platform)";
                var name = $"{platform}__{ItemFields.Text(test, "path")}__{ItemFields.Config(test)}-{ItemFields.Text(test, "architecture")}-{ItemFields.Text(test, "compiler")}-{logSuffix}.log";
                log = await downloader.SaveAsync(log, name, cancellationToken);
            }

            await writer.AddAsync(() => TestOutput.Json(test, log, _links), () => TestOutput.Text(session.Console, test, log, _links));
        }

        await writer.FinishAsync();
        return ExitCodes.Success;
    }
}
