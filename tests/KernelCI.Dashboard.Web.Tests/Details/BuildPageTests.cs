using System.Net;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Web.Tests.Details;

public sealed class BuildPageTests
{
    private const string BuildPath = "/build/maestro:sb-4";

    private const string TestsTable = "Tests and boots of this build";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_shows_the_builds_facts(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Build " + DetailsSeed.BuildId, page.Document.QuerySelector("h1")!.TextContent);
        var facts = DetailsPage.Facts(page);
        Assert.Equal("defconfig", facts["Config"]);
        Assert.Equal("arm64", facts["Architecture"]);
        Assert.Equal("gcc-13", facts["Compiler"]);
        Assert.Equal("12:34", facts["Duration"]);
        Assert.Equal("k8s-all", facts["Lab"]);
        Assert.Equal("PASS", facts["Status"]);
        Assert.Equal("stable", facts["Tree"]);
        Assert.Equal(DetailsSeed.Branch, facts["Branch"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_links_the_commit_to_its_tree_page(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.NotNull(page.Document.QuerySelector($"#git-info ~ dl a[href='/tree/stable/{DetailsSeed.Branch}/{DetailsSeed.Commits[3]}']"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_links_its_artifacts_and_sends_logs_to_the_log_viewer(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        var links = page.Document.QuerySelectorAll("#key-artifacts ~ ul a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(
        [
            "https://storage.example/sb-4/.config",
            "https://storage.example/sb-4/build.log.gz",
            "/log?url=" + Uri.EscapeDataString("https://storage.example/sb-4/build.log.gz"),
            "https://storage.example/sb-4/Image",
            "https://storage.example/sb-4/modules.tar.xz",
        ], links);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_lists_input_and_output_files(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.Equal(["rootfs.cpio.gz"], page.Document.QuerySelectorAll("#input-files ~ ul > li > a:first-child").Select(a => a.TextContent));
        Assert.Equal(["Image", "modules.tar.xz", "build_kselftest.log"],
            page.Document.QuerySelectorAll("#output-files ~ ul > li > a:first-child").Select(a => a.TextContent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_shows_the_command_and_the_escaped_log_excerpt(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.Equal("make -j8 ARCH=arm64 Image modules", page.Document.QuerySelector("pre.command")!.TextContent);
        Assert.Equal(DetailsSeed.Excerpt, page.Document.QuerySelector("pre.log-excerpt")!.TextContent);
        Assert.Empty(page.Document.QuerySelectorAll("main script"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_lists_the_builds_tests_linking_to_each(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath + "?sort=path&limit=50");

        var rows = page.Table(TestsTable).QuerySelectorAll("tbody th a").ToList();
        Assert.Equal(DetailsSeed.BuildTests, rows.Count);
        Assert.Equal("baseline.login", rows[0].TextContent);
        Assert.Equal("/test/maestro%3Ast-4", rows[0].GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_pages_the_tests_on_the_server(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);
        var first = await WebPage.GetAsync(app, BuildPath + "?sort=path");

        var next = first.Document.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await WebPage.GetAsync(app, next);

        Assert.Equal(20, first.RowHeaders(TestsTable).Count);
        Assert.Contains("cursor=", next, StringComparison.Ordinal);
        Assert.Equal(["kselftest.cpu.t18", "kselftest.cpu.t19", "kselftest.cpu.t20", "kselftest.cpu.t21", "kselftest.cpu.t22",
            "kselftest.cpu.t23", "kselftest.cpu.t24"], second.RowHeaders(TestsTable));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_sorts_the_tests_descending(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath + "?sort=-path&limit=2");

        Assert.Equal(["kselftest.cpu.t24", "kselftest.cpu.t23"], page.RowHeaders(TestsTable));
        Assert.Equal("descending", page.Document.QuerySelector("th[aria-sort='descending']")?.GetAttribute("aria-sort"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Status_filter_keeps_only_the_failed_tests(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath + "?status=failed&limit=50");

        var statuses = page.Table(TestsTable).QuerySelectorAll("tbody .badge").Select(b => b.TextContent).ToList();
        Assert.Equal(10, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("FAIL", s));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_lists_its_issues(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.Equal("gpu driver warning", page.Document.QuerySelector("a[href='/issue/maestro%3Aissue-warn']")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_page_footer_shows_the_kci_dev_command(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, BuildPath);

        Assert.Equal("kci-dev results build --id maestro:sb-4", page.Document.QuerySelector("footer code")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_id_with_unusual_characters_opens_its_page(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/build/" + Uri.EscapeDataString(DetailsSeed.OddBuildId));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Build " + DetailsSeed.OddBuildId, page.Document.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_build_is_a_404_page(DatabaseKind kind)
    {
        await using var app = await DetailsPage.SeededAsync(kind);

        var page = await WebPage.GetAsync(app, "/build/maestro:nope");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("maestro:nope", page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=nope", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("sort=architecture", "sort")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task Bad_parameter_is_a_400_page_naming_it(string query, string parameter)
    {
        await using var app = await DetailsPage.SeededAsync(DatabaseKind.Sqlite);

        var page = await WebPage.GetAsync(app, BuildPath + "?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(parameter, page.Document.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
    }
}
