using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results;
using Spectre.Console;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>Collects the rows of one `validate` run: the given checkout, the newest checkout of every tree
/// (`--all-checkouts`), or every checkout of the last days (`--history`, builds only). A dashboard failure for one
/// checkout skips it with a red line, unless `--json` or `--fail-on-mismatch` need every answer
/// (kernelci/kci-dev:kcidev/subcommands/maestro/validate/builds.py).</summary>
internal sealed class Validator(CommandSession session, ValidateOptions options, string kind, ValidationSources sources, DashboardApiClient dashboard)
{
    private bool RaiseErrors => session.Value(options.Revision.Json) || session.Value(options.FailOnMismatch);

    public async Task<List<ValidationRow>> RowsAsync(CancellationToken cancellationToken)
    {
        var history = session.Value(options.History);
        var rows = new List<ValidationRow>();
        if (session.Value(options.AllCheckouts))
        {
            if (session.Value(options.Revision.GitUrl) is not null || session.Value(options.Revision.Branch) is not null || session.Value(options.Revision.Commit) is not null)
            {
                throw new CliException("--all-checkouts: cannot be used with --giturl, --branch or --commit");
            }

            foreach (var tree in await sources.TreesAsync(session.Value(options.Days), cancellationToken))
            {
                var (url, branch, name) = (ValidationSources.Text(tree, "git_repository_url"), ValidationSources.Text(tree, "git_repository_branch"), tree["tree_name"]?.ToString() ?? "None");
                rows.AddRange(history
                    ? await HistoryAsync(url, branch, name, cancellationToken)
                    : await CheckoutAsync(url, branch, ValidationSources.Text(tree, "git_commit_hash"), name, cancellationToken));
            }

            return rows;
        }

        if (history)
        {
            var url = session.Value(options.Revision.GitUrl) ?? throw new CliException("--history: give --giturl and --branch, or --all-checkouts");
            var branch = session.Value(options.Revision.Branch) ?? throw new CliException("--history: give --giturl and --branch, or --all-checkouts");
            return await HistoryAsync(url, branch, await sources.TreeNameAsync(url, branch, cancellationToken), cancellationToken);
        }

        var revision = await RevisionResolver.ResolveAsync(session, options.Revision, dashboard, cancellationToken);
        var treeName = await sources.TreeNameAsync(revision.GitUrl, revision.Branch, cancellationToken);
        return await CheckoutAsync(revision.GitUrl, revision.Branch, revision.Commit, treeName, cancellationToken);
    }

    private async Task<List<ValidationRow>> CheckoutAsync(string url, string branch, string commit, string treeName, CancellationToken cancellationToken)
    {
        var maestro = await sources.MaestroAsync(kind, url, branch, commit, cancellationToken);
        return await DashboardAsync(url, branch, commit, cancellationToken) is { } dashboard
            ? [Comparison.Row(kind, $"{treeName}/{branch}", commit, maestro, dashboard)]
            : [];
    }

    /// <summary>Every done checkout of the tree and branch created in the last `--days` days, each with its kbuilds
    /// (node timeouts left out) against the dashboard's builds of its commit.</summary>
    private async Task<List<ValidationRow>> HistoryAsync(string url, string branch, string treeName, CancellationToken cancellationToken)
    {
        var since = session.Context.Time.GetUtcNow().UtcDateTime.AddDays(-session.Value(options.Days));
        var checkouts = await sources.NodesAsync(
            ["kind=checkout", $"data.kernel_revision.url={url}", $"data.kernel_revision.branch={branch}", "state=done",
             "created__gte=" + since.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)], cancellationToken, withArch: false);
        var rows = new List<ValidationRow>();
        foreach (var checkout in checkouts)
        {
            var revision = checkout["data"]?["kernel_revision"];
            var commit = revision?["commit"]?.ToString() ?? "";
            var maestro = await sources.NodesAsync(
                ["kind=kbuild", "data.error_code__ne=node_timeout", "parent=" + checkout["id"], "state__ne=running"], cancellationToken);
            if (await DashboardAsync(revision?["url"]?.ToString() ?? url, revision?["branch"]?.ToString() ?? branch, commit, cancellationToken) is { } dashboard)
            {
                rows.Add(Comparison.Row(kind, $"{treeName}/{branch}", commit, maestro, dashboard));
            }
        }

        return rows;
    }

    private async Task<List<JsonObject>?> DashboardAsync(string url, string branch, string commit, CancellationToken cancellationToken)
    {
        try
        {
            return await sources.DashboardAsync(kind, url, branch, commit, cancellationToken);
        }
        catch (DashboardApiException e) when (!RaiseErrors)
        {
            session.Console.Ansi.MarkupLineInterpolated($"[red]{branch}/{commit}: {e.Message}[/]");
            return null;
        }
    }
}
