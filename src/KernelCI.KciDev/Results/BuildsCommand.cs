using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>`results builds`: a revision's builds, filtered on status, compiler, config and git branch, read page by
/// page (kci-dev.md §2.2).</summary>
internal static class BuildsCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new RevisionOptions();
        var filters = new ItemFilterOptions();
        var command = new Command("builds", "Display a revision's build results");
        revision.AddTo(command);
        filters.AddTo(command);
        CompatibilityOptions.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var filter = filters.Read(session);
            var pageSize = PagedItems.PageSize(context);
            var dashboard = session.Dashboard();
            var resolved = await RevisionResolver.ResolveAsync(session, revision, dashboard, cancellationToken);
            var query = TreeItemQuery.For(session, revision, filters, resolved);
            var builds = PagedItems.ReadAsync((paging, ct) => dashboard.GetPageAsync($"tree/{resolved.Commit}/builds", [.. query, .. paging], ct),
                "builds", pageSize, cancellationToken);
            var lister = new ItemLister(session, filters, filter, session.Value(revision.Json), dashboard.BaseAddress);
            return await lister.BuildsAsync(builds, resolved.Commit, cancellationToken);
        });
        return command;
    }
}
