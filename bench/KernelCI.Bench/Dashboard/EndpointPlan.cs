using System.Globalization;
using System.Net.Http.Json;
using KernelCI.Bench.KcidbIngest.Dataset;

namespace KernelCI.Bench.Dashboard;

/// <summary>Every endpoint issue 16 times (docs/dashboard-api.md), with upstream's paths and parameters as kci-dev and
/// the web dashboard send them. Listing endpoints vary a parameter that does not change the answer's cost, so that
/// each cold request is one the server has not seen.</summary>
internal static class EndpointPlan
{
    public const string Origin = IdFactory.Origin;

    public static IReadOnlyList<DashboardEndpoint> For(BenchTargets targets, DateTimeOffset now)
    {
        // The dataset's checkouts are in the past: every window covers them all (the heaviest listing).
        var days = (int)Math.Ceiling((now - targets.FirstCheckout).TotalDays) + 1;
        var start = targets.FirstCheckout.ToUnixTimeSeconds();
        var end = targets.LastCheckout.ToUnixTimeSeconds() + 86_400;
        CheckoutTarget C(int i) => targets.Checkouts[i % targets.Checkouts.Count];
        string Tree(int i, string kind) =>
            $"/api/tree/{C(i).Hash}/{kind}?origin={Origin}&git_url={Esc(C(i).Url)}&git_branch={Esc(C(i).Branch)}";
        string Pick(IReadOnlyList<string> list, int i) => list[i % list.Count];
        return
        [
            new("tree listing", i => Get($"/api/tree/?origin={Origin}&interval_in_days={days + i}"), "tree listing"),
            new("checkout summary", i => Get(Tree(i, "summary")), "checkout summary"),
            new("checkout builds", i => Get(Tree(i, "builds"))),
            new("checkout boots", i => Get(Tree(i, "boots"))),
            new("checkout tests", i => Get(Tree(i, "tests"))),
            new("commit history", i => Get(Tree(i, "commits")), "commit history"),
            new("compare", i => Get($"/api/tree/{Esc(C(i).TreeName)}/{C(i).Branch}/compare?origin={Origin}&hash_a={C(i).PreviousHash}&hash_b={C(i).Hash}")),
            new("hardware listing", i => Get($"/api/hardware/?origin={Origin}&startTimestampInSeconds={start}&endTimestampInSeconds={end + i}"), "hardware listing"),
            new("hardware details", i => Post($"/api/hardware/{Uri.EscapeDataString(Pick(targets.Platforms, i))}/summary", new
            {
                origin = Origin,
                startTimestampInSeconds = start.ToString(CultureInfo.InvariantCulture),
                endTimestampInSeconds = (end + i).ToString(CultureInfo.InvariantCulture),
                selectedCommits = new { },
                filter = new { },
            })),
            // The issue listing windows on when issues were ingested (upstream: `_timestamp`), that is just now.
            new("issue listing", i => Get($"/api/issue/?startTimestampInSeconds={now.ToUnixTimeSeconds() - 86_400}&endTimestampInSeconds={now.ToUnixTimeSeconds() + 3600 + i}")),
            new("issue details", i => Get($"/api/issue/{Pick(targets.IssueIds, i)}")),
            new("build details", i => Get($"/api/build/{Pick(targets.BuildIds, i)}")),
            new("test details", i => Get($"/api/test/{Pick(targets.TestIds, i)}")),
            new("status history", i =>
            {
                var h = targets.Histories[i % targets.Histories.Count];
                return Get($"/api/test/status-history?path={Esc(h.Path)}&origin={h.Origin}&git_repository_url={Esc(h.Url)}" +
                    $"&git_repository_branch={Esc(h.Branch)}&config_name={Esc(h.ConfigName)}" + (h.Platform is null ? "" : $"&platform={Esc(h.Platform)}"));
            }),
            new("search", i => Get($"/api/search?q={Esc(Pick(targets.SearchTerms, i))}")),
        ];
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
}
