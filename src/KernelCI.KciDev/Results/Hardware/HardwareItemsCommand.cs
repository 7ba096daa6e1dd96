using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`results hardware builds|boots|tests --name N`: the hardware's items of the last 7 days (POST
/// `hardware/{name}/{kind}`, paged by `limit` and `cursor` in the query), with the filters of `results builds` and
/// `results tests`. One class for the three, since they differ only in the list's name.</summary>
internal static class HardwareItemsCommand
{
    public static Command Create(CliContext context, string kind)
    {
        var options = new HardwareOptions();
        var filters = new ItemFilterOptions();
        var command = new Command(kind, $"Display a hardware's {kind.TrimEnd('s')} results");
        options.AddTo(command);
        filters.AddTo(command);
        HardwareChain.SetAction(command, context, async (session, cancellationToken) =>
        {
            var filter = filters.Read(session);
            var pageSize = PagedItems.PageSize(context);
            var (name, window) = options.Read(session, context);
            var dashboard = session.Dashboard();
            var items = PagedItems.ReadAsync((paging, ct) => dashboard.PostPageAsync($"hardware/{HardwareWindow.PathSegment(name)}/{kind}", paging, window.Body(), ct),
                kind, pageSize, cancellationToken);
            var lister = new ItemLister(session, filters, filter, session.Value(options.Json), dashboard.BaseAddress);
            return kind == "builds" ? await lister.BuildsAsync(items, name, cancellationToken) : await lister.TestsAsync(items, name, cancellationToken);
        });
        return command;
    }
}
