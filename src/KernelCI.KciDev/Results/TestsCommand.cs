using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>`results tests`: a revision's tests (boots excluded), with every filter of kci-dev.md §2.2, read page by
/// page.</summary>
internal static class TestsCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new RevisionOptions();
        var filters = new ItemFilterOptions();
        var command = new Command("tests", "Display a revision's test results");
        revision.AddTo(command);
        filters.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var filter = filters.Read(session);
            var pageSize = PagedItems.PageSize(context);
            var dashboard = session.Dashboard();
            var resolved = await RevisionResolver.ResolveAsync(session, revision, dashboard, cancellationToken);
            var query = TreeItemQuery.For(session, revision, filters, resolved);
            var tests = PagedItems.ReadAsync((paging, ct) => dashboard.GetPageAsync($"tree/{resolved.Commit}/tests", [.. query, .. paging], ct),
                "tests", pageSize, cancellationToken);
            var lister = new ItemLister(session, filters, filter, session.Value(revision.Json), dashboard.BaseAddress);
            return await lister.TestsAsync(tests, resolved.Commit, cancellationToken);
        });
        return command;
    }
}
