using System.Net;
using AngleSharp.Html.Parser;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;

namespace KernelCI.Dashboard.Web.Tests.Subscribe;

/// <summary>`/subscribe` (docs/notifications.md, "From the web dashboard"): the form, a plain POST the server sends to
/// the notifications API, and the API's answer on the page.</summary>
public sealed class SubscribePageTests : IAsyncLifetime
{
    private FakeSubscriptionsApi _api = null!;
    private DashboardTestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _api = await FakeSubscriptionsApi.StartAsync();
        _app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, notificationsUrl: _api.Url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _api.DisposeAsync();
    }

    private async Task<WebPage> PostAsync(params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await _app.Client.PostAsync("/subscribe", content, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new WebPage(response.StatusCode, null, html, await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Subscribe_page_has_a_labelled_field_for_each_criterion_and_says_how_to_remove_a_subscription()
    {
        var page = await WebPage.GetAsync(_app, "/subscribe");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Document.QuerySelector("form.subscribe-form")!;
        Assert.Equal(("post", "/subscribe"), (form.GetAttribute("method"), form.GetAttribute("action")));
        Assert.Equal(["address", "tree", "branch", "path", "platform", "origin", "files"],
            form.QuerySelectorAll("input[type=text], input[type=email]").Select(i => i.GetAttribute("name")));
        Assert.All(form.QuerySelectorAll("input[type=text], input[type=email]"),
            i => Assert.NotNull(page.Document.QuerySelector($"label[for={i.Id}]")));
        Assert.Equal(["immediate", "daily"], form.QuerySelectorAll("input[name=delivery]").Select(i => i.GetAttribute("value")));
        Assert.True(form.QuerySelector("input[name=delivery][value=immediate]")!.HasAttribute("checked"));
        Assert.Contains("no login", page.Document.QuerySelector(".subscribe-manage")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("script[src]:not([src^='/static/'])"));
    }

    [Fact]
    public async Task Navigation_links_to_the_subscribe_page()
    {
        var page = await WebPage.GetAsync(_app, "/subscribe");

        var link = page.Document.QuerySelectorAll("nav[aria-label=Main] a").Single(a => a.TextContent == "Subscribe");
        Assert.Equal(("/subscribe", "page"), (link.GetAttribute("href"), link.GetAttribute("aria-current")));
    }

    [Fact]
    public async Task Good_submission_is_posted_to_the_api_as_given_and_says_a_confirmation_mail_was_sent()
    {
        var page = await PostAsync(("address", " Dev@Example.org "), ("tree", "mainline"), ("branch", "master"), ("path", "baseline.*"),
            ("platform", ""), ("origin", ""), ("files", "drivers/net/"), ("delivery", "daily"), ("always", "true"));

        Assert.Equal(HttpStatusCode.Created, page.Status);
        var body = Assert.Single(_api.Bodies);
        Assert.Equal("""{"address":"Dev@Example.org","tree":"mainline","branch":"master","path":"baseline.*","files":"drivers/net/","delivery":"daily","always":true}""",
            body.ToJsonString());
        var done = page.Document.QuerySelector(".subscribe-done")!.TextContent;
        Assert.Contains("A confirmation mail was sent to dev@example.org", done, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("form.subscribe-form"));
    }

    [Fact]
    public async Task Submission_of_a_confirmed_address_says_the_subscription_is_active()
    {
        _api.Answer = body => Microsoft.AspNetCore.Http.Results.Json(FakeSubscriptionsApi.Created(body, "active"), statusCode: 201);

        var page = await PostAsync(("address", "dev@example.org"), ("platform", "qemu-x86"), ("delivery", "immediate"));

        Assert.Contains("already confirmed: this subscription (platform qemu-x86) is active now",
            page.Document.QuerySelector(".subscribe-done")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_is_shown_by_the_field_it_names_with_the_values_kept()
    {
        const string Message = "path: malformed pattern 'baseline..login': an empty path component";
        _api.Answer = _ => FakeSubscriptionsApi.Problem(400, "path", "malformed pattern 'baseline..login': an empty path component");

        var page = await PostAsync(("address", "dev@example.org"), ("tree", "mainline"), ("path", "baseline..login"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var input = page.Document.QuerySelector("input#path")!;
        Assert.Equal(("true", "baseline..login"), (input.GetAttribute("aria-invalid"), input.GetAttribute("value")));
        var error = page.Document.QuerySelector("#path-error")!;
        Assert.Equal(Message, error.TextContent.Trim());
        Assert.Contains("path-error", input.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
        Assert.Same(input.ParentElement, error.ParentElement);
        Assert.Single(page.Document.QuerySelectorAll(".field-error"));
        Assert.Equal("mainline", page.Document.QuerySelector("input#tree")!.GetAttribute("value"));
        Assert.Null(page.Document.QuerySelector(".subscribe-done"));
    }

    [Fact]
    public async Task Servers_cap_is_shown_by_the_address_with_its_status()
    {
        _api.Answer = _ => FakeSubscriptionsApi.Problem(429, "address", "1000 addresses already await confirmation, the most this server takes; try again later");

        var page = await PostAsync(("address", "new@example.org"), ("tree", "mainline"));

        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.StartsWith("address: 1000 addresses already await confirmation", page.Document.QuerySelector("#address-error")!.TextContent.Trim(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusal_naming_no_field_of_the_form_is_shown_above_it()
    {
        _api.Answer = _ => FakeSubscriptionsApi.Problem(400, "body", "a JSON object with address and what to follow");

        var page = await PostAsync(("address", "dev@example.org"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("body: a JSON object with address and what to follow", page.Document.QuerySelector("main .error-message")!.TextContent.Trim());
        Assert.Empty(page.Document.QuerySelectorAll(".field-error"));
    }

    [Fact]
    public async Task Notifications_that_do_not_answer_are_a_502_saying_nothing_was_subscribed()
    {
        await _api.DisposeAsync();

        var page = await PostAsync(("address", "dev@example.org"), ("tree", "mainline"));

        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("Nothing was subscribed", page.Document.QuerySelector("main .error-message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("dev@example.org", page.Document.QuerySelector("input#address")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Oversized_form_is_refused_before_reaching_the_api()
    {
        var page = await PostAsync(("address", "dev@example.org"), ("path", new string('a', 20_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Empty(_api.Bodies);
    }
}
