using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Trees;

public sealed class TreeDetailsPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Branch_page_redirects_to_its_latest_checkout(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree/mainline/master?tab=boots");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(WebSeed.HeadPath + "?tab=boots", page.Location);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Branch_with_a_slash_travels_as_one_escaped_segment(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree/next/pending-fixes%2Fsub");

        Assert.Equal($"/tree/next/pending-fixes%2Fsub/{WebSeed.NextCommit}", page.Location);
    }

    [Fact]
    public async Task Short_alias_redirects_to_the_tree_page_with_its_query()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, $"/c/mainline/master/{WebSeed.HeadCommit}?tab=tests");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(WebSeed.HeadPath + "?tab=tests", page.Location);
    }

    [Fact]
    public async Task Short_alias_of_a_branch_redirects_to_the_branch_page()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/c/next/pending-fixes%2Fsub");

        Assert.Equal("/tree/next/pending-fixes%2Fsub", page.Location);
    }

    [Fact]
    public async Task Short_build_alias_redirects_to_the_build_page()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/b/maestro:b-00");

        Assert.Equal("/build/maestro%3Ab-00", page.Location);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Details_footer_shows_the_kci_dev_command_of_the_tab(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=boots");

        Assert.Equal($"kci-dev results boots --giturl '{WebSeed.MainlineUrl}' --branch 'master' --commit {WebSeed.HeadCommit}",
            page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commit_may_be_named_by_its_tag(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree/mainline/master/" + WebSeed.HeadTag);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(WebSeed.HeadCommit, page.Document.QuerySelector(".facts code")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_tab_pages_the_builds_on_the_server(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var first = await WebPage.GetAsync(app, WebSeed.HeadPath + "?limit=10&sort=config_name");
        var second = await WebPage.GetAsync(app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(Enumerable.Range(0, 10).Select(n => $"cfg-{n:00}"), first.RowHeaders("Builds of this commit"));
        Assert.Equal(Enumerable.Range(10, 10).Select(n => $"cfg-{n:00}"), second.RowHeaders("Builds of this commit"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sorted_builds_table_without_a_limit_shows_the_pages_default_rows(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?sort=config_name");

        Assert.Equal(20, page.RowHeaders("Builds of this commit").Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_table_sorts_descending_on_a_minus(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?limit=2&sort=-config_name");

        Assert.Equal(["cfg-24", "cfg-23"], page.RowHeaders("Builds of this commit"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Failed_status_filter_keeps_the_failed_builds(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?status=failed&sort=config_name");

        Assert.Equal(["cfg-00", "cfg-10", "cfg-20"], page.RowHeaders("Builds of this commit"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Architecture_filter_narrows_the_cards_and_the_table(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?filter_architecture=x86_64&limit=100");

        Assert.Equal(12, page.RowHeaders("Builds of this commit").Count);
        Assert.Contains("x86_64", page.Document.QuerySelector(".active-filters")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_tab_shows_the_donut_with_its_numbers_as_text(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath);

        var title = page.Document.QuerySelector("#builds-donut-title")!.TextContent;
        Assert.Equal("Builds: 20 passed, 3 failed, 2 inconclusive", title);
        Assert.Contains("gpu driver build breaks", page.Document.QuerySelector(".issues")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_first_seen_on_this_commit_is_marked_new_with_its_date(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath);

        var issue = page.Document.QuerySelector("#builds-issues-title + ul.issues > li")!;
        Assert.Equal("New", issue.QuerySelector(".new-mark")!.TextContent);
        Assert.StartsWith("first seen", issue.QuerySelector(".first-seen")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(issue.QuerySelector(".first-seen time[datetime]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_rows_link_to_their_build_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?sort=config_name&limit=1");

        Assert.Equal("/build/maestro%3Ab-00", page.Table("Builds of this commit").QuerySelector("tbody a")!.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_groups_tests_by_path_with_counts(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=tests");

        var groups = page.Document.QuerySelectorAll("#tests-tree > li > details > summary").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(2, groups.Count);
        Assert.StartsWith("baseline", groups[0], StringComparison.Ordinal);
        Assert.Contains("1 passed", groups[1], StringComparison.Ordinal);
        Assert.Contains("1 failed", groups[1], StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("#tests-tree a[href$='group=kselftest.timers']"));
        Assert.Null(page.Document.QuerySelector("a[href='/test/maestro%3At-nanosleep']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_group_shows_its_tests_under_a_trail_back_to_the_top(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=tests&group=kselftest.timers");

        Assert.Equal(["All tests", "kselftest", "timers"], page.Document.QuerySelectorAll(".crumbs a").Select(a => a.TextContent).ToList());
        Assert.NotNull(page.Document.QuerySelector("a[href='/test/maestro%3At-nanosleep']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/test/maestro%3At-posix']"));
        Assert.Null(page.Document.QuerySelector("a[href='/test/maestro%3At-login']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_group_lists_only_the_tests_that_end_at_it(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        // kselftest's tests all sit one level down, in kselftest.timers, with a failure and a pass.
        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=tests&group=kselftest");

        Assert.Empty(page.Document.QuerySelectorAll("main a[href^='/test/']"));
        var timers = Assert.Single(page.Document.QuerySelectorAll("#tests-tree .group-name"));
        Assert.Equal("timers", timers.TextContent);
        Assert.Contains("(2 here)", page.Document.QuerySelector("#tests-tree li")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_pages_one_level_of_groups_and_tests(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var first = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=tests&group=kselftest.timers&limit=1");
        var next = first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await WebPage.GetAsync(app, next);

        Assert.NotNull(first.Document.QuerySelector("a[href='/test/maestro%3At-nanosleep']"));
        Assert.Null(first.Document.QuerySelector("a[href='/test/maestro%3At-posix']"));
        Assert.NotNull(second.Document.QuerySelector("a[href='/test/maestro%3At-posix']"));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_tab_with_an_unknown_group_says_nothing_matches(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=tests&group=ltp");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No tests match in ltp.", page.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pages_hold_their_content_without_javascript(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, WebSeed.HeadPath + "?tab=boots&group=boot");

        // The one script is the theme and expand-all enhancement; the content is all in the HTML.
        Assert.Single(page.Document.QuerySelectorAll("script"));
        Assert.DoesNotContain("blazor", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Document.QuerySelector("a[href='/test/maestro%3At-boot-rpi']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_commit_answers_a_404_page(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await WebSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/tree/mainline/master/abcdef0123456789abcdef0123456789abcdef01");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("No checkout of abcdef0123456789", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_branch_answers_a_404_page()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/tree/mainline/nope");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("Not found", page.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("/tree/mainline/master/not%20a%20hash", "commit")]
    [InlineData("/tree/main%01line/master", "path")]
    [InlineData("/tree/mainline/master/2222222222222222222222222222222222222222?tab=logs", "tab")]
    [InlineData("/tree/mainline/master/2222222222222222222222222222222222222222?status=green", "status")]
    [InlineData("/tree/mainline/master/2222222222222222222222222222222222222222?filter_build.duration_[gte]=long", "filter_build.duration_[gte]")]
    public async Task Bad_details_parameters_answer_a_400_page_naming_them(string path, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }
}
