using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Issues;

public sealed class IssueDetailsPageTests
{
    private static readonly string GpuPath = "/issue/" + Uri.EscapeDataString(IssueSeed.Gpu);
    private static readonly string TimersPath = "/issue/" + Uri.EscapeDataString(IssueSeed.Timers);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_page_shows_its_facts(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, GpuPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("gpu driver build breaks", page.Document.QuerySelector("h1")!.TextContent);
        var facts = Facts(page);
        Assert.Equal("code", facts["Culprit"]);
        Assert.Equal("1", facts["Version"]);
        Assert.Contains("on mainline / master", facts["First seen"], StringComparison.Ordinal);
        Assert.Equal(["mainline / master"], page.Document.QuerySelectorAll("#trees-title + ul li").Select(l => l.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_page_lists_the_builds_it_was_seen_in_linking_to_them(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, GpuPath);

        Assert.Equal(["/build/maestro%3Ab-10"], page.Table("Builds this issue").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_page_tests_tab_links_the_tests_it_was_seen_in(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, TimersPath + "?tab=tests");

        Assert.Equal(["/test/maestro%3At-nanosleep"], page.Table("Tests this issue").QuerySelectorAll("tbody th a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2", Facts(page)["Version"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Issue_page_at_an_older_version_links_to_the_latest(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, TimersPath + "?version=1");

        Assert.Equal(TimersPath + "?version=2", page.Document.QuerySelector(".facts a[href*='version=2']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Issue_page_takes_upstreams_issue_version_parameter()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, TimersPath + "?issueVersion=1");

        Assert.Equal("1", Facts(page)["Version"].Split(' ', 2)[0]);
    }

    [Theory]
    [InlineData("/issue/maestro%3Anope")]
    [InlineData("/issue/maestro%3Aissue-gpu?version=9")]
    public async Task Unknown_issue_or_version_answers_a_404_page(string path)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Theory]
    [InlineData("?version=two", "version")]
    [InlineData("?tab=boots", "tab")]
    [InlineData("?sort=colour", "sort")]
    public async Task Bad_issue_parameters_answer_a_400_page_naming_them(string query, string parameter)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, GpuPath + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.StartsWith(parameter + ":", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_page_footer_shows_the_kci_dev_command()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await IssueSeed.SeedAsync(app);

        var page = await WebPage.GetAsync(app, GpuPath);

        Assert.Equal($"kci-dev results issue --id '{IssueSeed.Gpu}'", page.Document.QuerySelector("footer code")!.TextContent);
    }

    private static Dictionary<string, string> Facts(WebPage page) => page.Document.QuerySelectorAll(".facts > div")
        .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent.Trim());
}
