using System.Data.Common;
using KernelCI.Bench.Dashboard;
using KernelCI.Bench.KcidbIngest;

namespace KernelCI.Bench.DashboardPages;

/// <summary>The pages issue 17's benchmark names, on targets picked from the ingested rows: the tree listing over the
/// whole dataset, the biggest checkout's page on each tab, the build of 2,500 tests <see cref="BigBuild"/> adds, a test, the busiest
/// platform, the issue listing, the checkout compared with its branch's previous one, and a commit search.</summary>
internal static class PagePlan
{
    public static async Task<IReadOnlyList<PageTarget>> PickAsync(DbConnection connection, BenchDatabase database, IReadOnlyCollection<string> only,
        CancellationToken cancellationToken)
    {
        var targets = await TargetPicker.PickAsync(connection, database, 50, cancellationToken);
        var checkout = targets.Checkouts[0];
        // Compare needs a checkout with an earlier one on its branch (the biggest may be its branch's first).
        var compared = targets.Checkouts.FirstOrDefault(c => c.PreviousHash != c.Hash) ?? checkout;
        var days = (int)Math.Ceiling((DateTimeOffset.UtcNow - targets.FirstCheckout).TotalDays) + 1;
        var origin = EndpointPlan.Origin;
        var tree = $"/tree/{Esc(checkout.TreeName)}/{Esc(checkout.Branch)}";
        var details = $"{tree}/{checkout.Hash}?origin={origin}";
        IReadOnlyList<PageTarget> pages =
        [
            new("tree-listing", "tree listing", $"/tree?intervalInDays={days}&origin={origin}"),
            new("tree-builds", "tree builds", details),
            new("tree-boots", "tree boots", details + "&tab=boots"),
            new("tree-tests", $"tree tests ({checkout.Tests:N0})", details + "&tab=tests"),
            new("build", $"build ({BigBuild.Tests:N0} tests)", $"/build/{Esc(BigBuild.BuildId)}"),
            new("test", "test details", $"/test/{Esc(targets.TestIds[0])}"),
            new("hardware", "hardware details", $"/hardware/{Esc(targets.Platforms[0])}?origin={origin}&intervalInDays={days}"),
            new("issues", "issue listing", $"/issues?intervalInDays={days}"),
            new("compare", "compare", $"/tree/{Esc(compared.TreeName)}/{Esc(compared.Branch)}/compare?origin={origin}&hashA={compared.PreviousHash}&hashB={compared.Hash}"),
            new("search", "search", $"/search?q={checkout.Hash[..10]}"),
        ];
        return only.Count == 0 ? pages : pages.Where(p => only.Contains(p.Key)).ToList();
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);
}
