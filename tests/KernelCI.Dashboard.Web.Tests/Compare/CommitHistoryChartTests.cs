using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Compare;

/// <summary>The commit history chart on the tree details page (Web/Trees/CommitHistoryChart).</summary>
public sealed class CommitHistoryChartTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_links_each_commit_to_its_page_oldest_first(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head));

        Assert.Equal([CompareSeed.DetailsPath(CompareSeed.First), CompareSeed.DetailsPath(CompareSeed.Middle), CompareSeed.DetailsPath(CompareSeed.Head)],
            page.Document.QuerySelectorAll(".history-chart svg a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_marks_the_shown_commit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Middle));

        Assert.Equal(CompareSeed.DetailsPath(CompareSeed.Middle),
            page.Document.QuerySelector(".history-chart table a[aria-current=page]")!.GetAttribute("href"));
        Assert.EndsWith("(shown)", page.Document.QuerySelectorAll(".history-chart svg a")[1].GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_table_counts_the_builds_of_each_commit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head));

        Assert.Equal(["1 passed 0 failed 0 inconclusive", "3 passed 2 failed 1 inconclusive", "3 passed 3 failed 1 inconclusive"],
            Pills(page));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_follows_the_open_tab(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head) + "?tab=boots");

        Assert.Equal(["0 passed 0 failed 0 inconclusive", "1 passed 0 failed 0 inconclusive", "0 passed 1 failed 0 inconclusive"], Pills(page));
        Assert.EndsWith("?tab=boots", page.Document.QuerySelector(".history-chart svg a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_counts_with_the_pages_filters(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head) + "?filter_config_name=cfg-reg");

        Assert.Equal(["0 passed 0 failed 0 inconclusive", "1 passed 0 failed 0 inconclusive", "0 passed 1 failed 0 inconclusive"], Pills(page));
    }

    [Fact]
    public async Task Chart_links_keep_the_filters_but_not_the_cursor()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);

        var first = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head) + "?filter_architecture=x86_64&limit=1");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var page = await WebPage.GetAsync(app, next);

        Assert.Contains("cursor=", next, StringComparison.Ordinal);
        Assert.Equal(CompareSeed.DetailsPath(CompareSeed.First) + "?filter_architecture=x86_64&limit=1",
            page.Document.QuerySelector(".history-chart svg a")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Chart_links_to_the_compare_with_the_previous_commit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.DetailsPath(CompareSeed.Head));

        Assert.Equal($"{CompareSeed.ComparePath}?hashA={CompareSeed.Middle}&hashB={CompareSeed.Head}",
            page.Document.QuerySelector(".history-links a")!.GetAttribute("href"));
    }

    private static async Task<DashboardTestApp> StartAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await CompareSeed.SeedAsync(app);
        return app;
    }

    private static List<string> Pills(WebPage page) =>
        page.Document.QuerySelectorAll(".history-chart table tbody .pills")
            .Select(p => string.Join(' ', p.TextContent.Replace("✓", "", StringComparison.Ordinal).Replace("✗", "", StringComparison.Ordinal)
                .Replace("?", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
}
