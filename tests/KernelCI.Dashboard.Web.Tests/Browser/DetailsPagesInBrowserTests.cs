using KernelCI.Dashboard.Web.Tests.Details;
using Microsoft.Playwright;

namespace KernelCI.Dashboard.Web.Tests.Browser;

/// <summary>The build and test pages in Debian's Chromium: clean loads, tree → build → test by clicking, the tests
/// table's paging, sort and status links changing the URL and the rows (with JavaScript off too), a phone's width, dark
/// mode and an axe scan.</summary>
public sealed class DetailsPagesInBrowserTests(DetailsBrowserFixture browser) : IClassFixture<DetailsBrowserFixture>
{
    private const int Phone = WatchedPage.PhoneWidth;

    private const string BuildPath = "/build/maestro%3Asb-4";

    private const string TestsTable = "table:has(caption:text('Tests and boots of this build'))";

    public static TheoryData<string, string> Pages => new()
    {
        { "build", BuildPath },
        { "build-failed", BuildPath + "?status=failed" },
        { "test", "/test/maestro%3Ast-4" },
        { "test-without-history", "/test/maestro%3Ast-noconf" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_opens_without_console_errors_or_failed_requests(string name, string path)
    {
        await using var watched = await browser.OpenAsync();

        await watched.GotoAsync(path, $"details-{name}-desktop");

        Assert.Empty(watched.Problems);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_at_phone_width_has_no_horizontal_scroll(string name, string path)
    {
        await using var watched = await browser.OpenAsync(Phone);

        await watched.GotoAsync(path, $"details-{name}-phone");

        Assert.True(await watched.ScrollWidthAsync() <= Phone);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string name, string path)
    {
        _ = name;
        await using var watched = await browser.OpenAsync();
        await watched.Page.GotoAsync(path);

        Assert.Empty(await watched.SeriousViolationsAsync());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation_in_dark_mode(string name, string path)
    {
        await using var watched = await browser.OpenAsync(scheme: ColorScheme.Dark);
        await watched.GotoAsync(path, $"details-{name}-dark");

        Assert.Equal("rgb(17, 20, 24)", await watched.Page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(await watched.SeriousViolationsAsync());
    }

    [Fact]
    public async Task Clicking_from_the_tree_reaches_the_build_then_the_test_then_an_older_run()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(DetailsSeed.TreePath);

        await page.Locator("table:has(caption:text('Builds of this commit'))").GetByRole(AriaRole.Link, new() { Name = "defconfig", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**" + BuildPath);
        await page.Locator(TestsTable).GetByRole(AriaRole.Link, new() { Name = "baseline.login", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/test/maestro%3Ast-4");
        await page.Locator("ol.history a").First.ClickAsync();
        await page.WaitForURLAsync("**/test/maestro%3Ast-1");

        Assert.Equal("baseline.login", await page.Locator("h1").TextContentAsync());
        Assert.Empty(watched.Problems);
    }

    [Fact]
    public async Task Next_page_link_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(BuildPath + "?sort=path&limit=10");
        var firstRows = await RowsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");

        Assert.Equal("baseline.login", firstRows[0]);
        Assert.Equal("kselftest.cpu.t08", (await RowsAsync(page))[0]);
    }

    [Fact]
    public async Task Sort_header_link_changes_the_url_and_the_order()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(BuildPath + "?sort=path");

        await page.Locator(TestsTable).GetByRole(AriaRole.Link, new() { Name = "Path" }).ClickAsync();
        await page.WaitForURLAsync("**sort=-path**");

        Assert.Equal("kselftest.cpu.t24", (await RowsAsync(page))[0]);
    }

    [Fact]
    public async Task Status_filter_link_changes_the_url_and_the_rows()
    {
        await using var watched = await browser.OpenAsync();
        var page = watched.Page;
        await page.GotoAsync(BuildPath + "?sort=path");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Status" }).GetByRole(AriaRole.Link, new() { Name = "Inconclusive" }).ClickAsync();
        await page.WaitForURLAsync("**status=inconclusive**");

        Assert.Equal(["kselftest.cpu.t05", "kselftest.cpu.t10", "kselftest.cpu.t20"], await RowsAsync(page));
    }

    [Fact]
    public async Task Paging_and_filters_work_with_javascript_off()
    {
        await using var watched = await browser.OpenAsync(javaScript: false);
        var page = watched.Page;
        await page.GotoAsync(BuildPath + "?sort=path&limit=10&status=success");

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await page.WaitForURLAsync("**cursor=**");

        Assert.Contains("status=success", page.Url, StringComparison.Ordinal);
        Assert.Equal("kselftest.cpu.t17", (await RowsAsync(page))[0]);
    }

    private static async Task<IReadOnlyList<string>> RowsAsync(IPage page) =>
        (await page.Locator(TestsTable + " tbody th").AllTextContentsAsync()).Select(r => r.Trim()).ToList();
}
