using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Issues;

public sealed class IssueListingPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_shows_code_culprits_by_default_with_where_they_were_first_seen(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/issues");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Table("Issues").QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("gpu driver build breaks", row.QuerySelector("th")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(["maestro", "code"], cells[..2]);
        Assert.Equal("mainline / master", cells[3]);
        Assert.Equal("1", cells[4]);
        Assert.Equal($"/tree/mainline/master/{WebSeed.HeadCommit}", row.QuerySelectorAll("td a").Single().GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_marks_issues_first_seen_in_the_last_day_as_new(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/issues");

        Assert.Equal("New", page.Table("Issues").QuerySelector("tbody th .new-mark")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_culprit_filter_keeps_that_culprits_issues(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/issues?culprit=tool");

        Assert.Equal([IssuePath(IssueSeed.Timers, 1), IssuePath(IssueSeed.Timers, 2)], Links(page));
        Assert.Equal("tool", page.Document.QuerySelector("#culprit option[selected]")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_keeps_issues_without_incidents_without_a_first_seen(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/issues?culprit=harness");

        var cells = page.Table("Issues").QuerySelectorAll("tbody tr td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["maestro", "harness", "", "-", "0"], cells);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_search_matches_the_comment(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, "/issues?culprit=any&issueSearch=LOST");

        Assert.Equal([IssuePath("maestro:issue-harness", 1)], Links(page));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_listing_pages_with_a_cursor(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var first = await WebPage.GetAsync(app, "/issues?culprit=any&sort=comment&limit=2");
        var second = await WebPage.GetAsync(app, first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        Assert.Equal([IssuePath(IssueSeed.Gpu, 1), IssuePath("maestro:issue-harness", 1)], Links(first));
        Assert.Equal([IssuePath(IssueSeed.Timers, 1), IssuePath(IssueSeed.Timers, 2)], Links(second));
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Issue_listing_footer_shows_the_kci_dev_command_of_its_filters()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, "/issues?intervalInDays=5&origin=redhat");

        Assert.Equal("kci-dev results issues --days 5 --origin redhat", page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Theory]
    [InlineData("/issues?intervalInDays=0", "intervalInDays")]
    [InlineData("/issues?culprit=kernel", "culprit")]
    [InlineData("/issues?sort=colour", "sort")]
    [InlineData("/issues?limit=all", "limit")]
    public async Task Bad_issue_listing_parameters_answer_a_400_page_naming_them(string path, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    private static string IssuePath(string id, int version) => $"/issue/{Uri.EscapeDataString(id)}?version={version}";

    private static List<string?> Links(WebPage page) =>
        page.Table("Issues").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")).ToList();
}
