using System.Globalization;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees.Commits;
using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>A commit's builds, boots and tests as the tabs count them, from the aggregates ingestion keeps
/// (dash_checkout_status: one indexed read, whatever the size of the checkout). <see cref="Id"/> names the counts, so
/// a stream resumed with Last-Event-ID sends an event only when they changed meanwhile.</summary>
internal sealed record LiveCounts(StatusTally Builds, StatusTally Boots, StatusTally Tests)
{
    public string Id => string.Join('-', new[] { Builds, Boots, Tests }.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Pass}.{t.Fail}.{t.Inconclusive}")));

    internal static async Task<LiveCounts> ReadAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds, CancellationToken cancellationToken)
    {
        var totals = await CommitCounter.FromAggregatesAsync(db, checkoutIds, cancellationToken);
        return new LiveCounts(Tally(totals, "build"), Tally(totals, "boot"), Tally(totals, "test"));
    }

    private static StatusTally Tally(Dictionary<(string, string), StatusCounts> totals, string kind)
    {
        var grouped = totals.Where(t => t.Key.Item2 == kind).Select(t => t.Value.Grouped()).ToList();
        return new StatusTally(grouped.Sum(g => g.Pass), grouped.Sum(g => g.Fail), grouped.Sum(g => g.Inconclusive));
    }
}
