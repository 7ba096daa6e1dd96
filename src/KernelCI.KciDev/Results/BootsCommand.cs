using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>`results boots`: a revision's boots, with every filter of kci-dev.md §2.2 and `--boot-origin` (sent as
/// `filter_boot.origin`, which the dashboard applies), read page by page.</summary>
internal static class BootsCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new RevisionOptions();
        var filters = new ItemFilterOptions();
        var bootOrigin = new Option<string?>("--boot-origin") { Description = "Only boots of this KCIDB origin" };
        var command = new Command("boots", "Display a revision's boot results") { bootOrigin };
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
            if (session.Value(bootOrigin) is { Length: > 0 } origin)
            {
                query.Add(new("filter_boot.origin", origin));
            }

            var boots = PagedItems.ReadAsync((paging, ct) => dashboard.GetPageAsync($"tree/{resolved.Commit}/boots", [.. query, .. paging], ct),
                "boots", pageSize, cancellationToken);
            var lister = new ItemLister(session, filters, filter, session.Value(revision.Json), dashboard.BaseAddress);
            return await lister.TestsAsync(boots, resolved.Commit, cancellationToken);
        });
        return command;
    }
}
