using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Compare;

public sealed class ComparePageTests
{
    private const string ChangedBuilds = "Changed builds from A to B";

    private static string Pair => $"{CompareSeed.ComparePath}?hashA={CompareSeed.Middle}&hashB={CompareSeed.Head}";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Compare_matrix_shows_each_side_and_the_change(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(
            ["Builds A 3 2 1", "B 3 3 1", "B − A 0 +1 0", "Boots A 1 0 0", "B 0 1 0", "B − A −1 +1 0", "Tests A 1 1 0", "B 1 1 0", "B − A 0 0 0"],
            CompareRows(page, "Results of A and B"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changed_builds_list_one_row_per_kind_of_change(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair);

        Assert.Equal(
            ["cfg-appear x86_64 gcc-13 —none on A INCONCLUSIVE Appeared", "cfg-fix x86_64 gcc-13 FAIL PASS Fixed",
             "cfg-flaky x86_64 gcc-13 INCONCLUSIVE FAIL New failure", "cfg-gone x86_64 gcc-13 PASS —none on B Disappeared",
             "cfg-new x86_64 gcc-13 —none on A PASS New pass", "cfg-reg x86_64 gcc-13 PASS FAIL Regression",
             "cfg-still x86_64 gcc-13 FAIL FAIL Still failing"],
            CompareRows(page, ChangedBuilds));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Change_filter_keeps_only_that_kind_of_change(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair + "&change=regression");

        Assert.Equal(["cfg-reg"], page.RowHeaders(ChangedBuilds));
        Assert.Equal("Regression 1", page.Document.QuerySelector("nav[aria-label='Kind of change'] a[aria-current=page]")!.TextContent.Trim());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changed_build_links_to_the_build_of_each_side(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair + "&change=regression");

        Assert.Equal(["/build/maestro%3As-c2-cfg-reg", "/build/maestro%3As-c3-cfg-reg"],
            page.Table(ChangedBuilds).QuerySelectorAll("tbody td a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_lists_the_changed_tests_linking_to_their_pages(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair + "&tab=tests");

        Assert.Equal(["kselftest.net.a cfg-same x86_64 qemu-x86 PASS FAIL Regression", "kselftest.net.b cfg-same x86_64 qemu-x86 FAIL PASS Fixed"],
            CompareRows(page, "Changed tests from A to B"));
        Assert.Equal("/test/maestro%3As-c3-t-net-a", page.Table("Changed tests").QuerySelectorAll("tbody td a")[1].GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_tab_lists_the_changed_boot(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair + "&tab=boots");

        Assert.Equal(["boot"], page.RowHeaders("Changed boots from A to B"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Without_hashes_B_is_the_branch_head_and_A_the_commit_before(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, CompareSeed.ComparePath);

        Assert.Equal(CompareSeed.Middle, Selected(page, "hashA"));
        Assert.Equal(CompareSeed.Head, Selected(page, "hashB"));
        Assert.Equal(7, page.RowHeaders(ChangedBuilds).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pickers_offer_the_branch_commits_newest_first(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair);

        Assert.Equal([CompareSeed.Head, CompareSeed.Middle, CompareSeed.First],
            page.Document.QuerySelectorAll("select[name=hashA] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("get", page.Document.QuerySelector("form.compare-pickers")!.GetAttribute("method"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Previous_commit_shortcut_moves_side_A_one_commit_back(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair);

        var previous = page.Document.QuerySelector("a[aria-label='Side A: previous commit']")!.GetAttribute("href")!;
        Assert.Contains("hashA=" + CompareSeed.First, previous, StringComparison.Ordinal);
        Assert.Contains("hashB=" + CompareSeed.Head, previous, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changed_rows_are_paged_by_the_server(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);
        var first = await WebPage.GetAsync(app, Pair + "&limit=3");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;

        var second = await WebPage.GetAsync(app, next);

        Assert.Equal(["cfg-appear", "cfg-fix", "cfg-flaky"], first.RowHeaders(ChangedBuilds));
        Assert.Equal(["cfg-gone", "cfg-new", "cfg-reg"], second.RowHeaders(ChangedBuilds));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Short_hash_selects_its_commit(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, $"{CompareSeed.ComparePath}?hashA={CompareSeed.First[..8]}&hashB={CompareSeed.Head}");

        Assert.Equal(CompareSeed.First, Selected(page, "hashA"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Branch_with_a_single_commit_says_there_is_nothing_to_compare(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree/next/pending-fixes%2Fsub/compare");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(WebSeed.NextCommit, Selected(page, "hashB"));
        Assert.Contains("nothing to compare", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?hashA=not-a-hash", HttpStatusCode.BadRequest, "hashA")]
    [InlineData("?hashB=12", HttpStatusCode.BadRequest, "hashB")]
    [InlineData("?change=everything", HttpStatusCode.BadRequest, "change")]
    [InlineData("?tab=logs", HttpStatusCode.BadRequest, "tab")]
    [InlineData("?limit=0", HttpStatusCode.BadRequest, "limit")]
    [InlineData("?hashA=deadbeef", HttpStatusCode.NotFound, "deadbeef")]
    public async Task Bad_or_unknown_input_gives_the_error_page(string query, HttpStatusCode status, string named)
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, CompareSeed.ComparePath + query);

        Assert.Equal(status, page.Status);
        Assert.Contains(named, page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_tree_gives_the_404_page(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, "/tree/nope/master/compare");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.NotNull(page.Document.QuerySelector(".error-message"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Footer_shows_the_kci_dev_compare_command(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind);

        var page = await WebPage.GetAsync(app, Pair);

        Assert.Equal($"kci-dev results compare --giturl '{CompareSeed.Url}' --branch '{CompareSeed.Branch}' {CompareSeed.Middle} {CompareSeed.Head}",
            page.Document.QuerySelector("footer code")!.TextContent);
    }

    private static async Task<DashboardTestApp> StartAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await CompareSeed.SeedAsync(app);
        return app;
    }

    private static string? Selected(WebPage page, string name) =>
        page.Document.QuerySelector($"select[name={name}] option[selected]")?.GetAttribute("value");

    // Each body row's cells as one line of text, whitespace collapsed.
    private static List<string> CompareRows(WebPage page, string caption) =>
        page.Table(caption).QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))))
            .ToList();
}
