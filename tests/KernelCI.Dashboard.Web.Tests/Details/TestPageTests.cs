using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Details;

public sealed class TestPageTests
{
    private const string TestPath = "/test/maestro:st-4";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_shows_the_tests_facts(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("baseline.login", page.Document.QuerySelector("h1")!.TextContent);
        var facts = DetailsPage.Facts(page);
        Assert.Equal("FAIL", facts["Status"]);
        Assert.Equal("lava-collabora", facts["Runtime"]);
        Assert.Equal("0:42", facts["Duration"]);
        Assert.Equal("maestro", facts["Test origin"]);
        Assert.Equal("stable", facts["Tree"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_links_its_build_tree_and_hardware(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        var info = page.Document.QuerySelector("#test-info ~ dl")!;
        Assert.NotNull(info.QuerySelector("a[href='/build/maestro%3Asb-4']"));
        Assert.Equal(DetailsSeed.Platform, info.QuerySelector("a[href='/hardware/beaglebone-black']")?.TextContent);
        Assert.NotNull(info.QuerySelector("a[href='/hardware/ti%2Cam335x-bone-black']"));
        Assert.NotNull(page.Document.QuerySelector($"#git-info ~ dl a[href='{DetailsSeed.TreePath}']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_shows_the_environment(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.Equal(["ti,am335x-bone-black", "ti,am33xx"], page.Document.QuerySelectorAll("#env-compatible ~ ul code").Select(c => c.TextContent));
        Assert.Contains("\"job_id\": \"1234\"", page.Document.QuerySelector("#env-misc ~ pre")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_links_its_log_to_the_log_viewer(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.NotNull(page.Document.QuerySelector("a[href='/log?url=" + Uri.EscapeDataString("https://storage.example/st-4/lava.log") + "']"));
        Assert.Equal(["results.json"], page.Document.QuerySelectorAll("#output-files ~ ul > li > a:first-child").Select(a => a.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_shows_the_escaped_log_excerpt(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.Equal(DetailsSeed.Excerpt, page.Document.QuerySelector("pre.log-excerpt")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_page_lists_its_issues(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.Equal("slub corruption on boot", page.Document.QuerySelector("a[href='/issue/maestro%3Aissue-slub']")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Status_history_shows_the_runs_oldest_first_each_linking_to_its_test(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        var cells = page.Document.QuerySelectorAll("ol.history a.history-cell").ToList();
        Assert.Equal(["/test/maestro%3Ast-1", "/test/maestro%3Ast-2", "/test/maestro%3Ast-3", "/test/maestro%3Ast-4"], cells.Select(c => c.GetAttribute("href")));
        Assert.Equal(DetailsSeed.LoginStatuses, cells.Select(c => c.QuerySelector(".word")!.TextContent));
        Assert.Equal("page", cells[^1].GetAttribute("aria-current"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Status_history_is_labelled_with_the_regression_type(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, TestPath);

        Assert.Equal("regression", page.Document.QuerySelector(".history-type .regression")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Status_history_of_an_older_run_stops_at_that_run(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/test/maestro:st-2");

        Assert.Equal(2, page.Document.QuerySelectorAll("ol.history li").Length);
        Assert.Equal("pass", page.Document.QuerySelector(".history-type .regression")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_without_a_config_says_it_has_no_history(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/test/" + DetailsSeed.NoConfigTestId);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("ol.history"));
        Assert.StartsWith("No history", page.Document.QuerySelector("#history-title ~ p.note")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestPath, "kci-dev results test --id maestro:st-4")]
    [InlineData("/test/" + DetailsSeed.BootId, "kci-dev results boot --id maestro:st-boot")]
    public async Task Test_page_footer_shows_the_kci_dev_command(string path, string command)
    {
        await using var app = await DetailsPage.SeededAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, path);

        Assert.Equal(command, page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_id_with_unusual_characters_opens_its_page_and_links_its_build(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/test/" + Uri.EscapeDataString(DetailsSeed.OddTestId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(DetailsSeed.OddTestId, page.Document.QuerySelector(".lead .wrap")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"a[href='/build/{Uri.EscapeDataString(DetailsSeed.OddBuildId)}']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_test_is_a_404_page(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/test/maestro:nope");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("maestro:nope", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_answer_for_a_test_leaves_out_the_pages_duration()
    {
        await using var app = await DetailsPage.SeededAsync(DatabaseKind.Sqlite);

        var answer = await app.GetJsonAsync("/api/test/" + Uri.EscapeDataString(DetailsSeed.TestId));

        Assert.False(answer!.AsObject().ContainsKey("duration"));
        Assert.Equal(DetailsSeed.TestId, (string?)answer["id"]);
    }
}
