using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Tests.Subscriptions;

/// <summary>`/api/subscriptions`: bad input named by field, links that need no login, and who may see what.</summary>
public sealed partial class SubscriptionsApiTests : IAsyncLifetime
{
    private NotificationsTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await NotificationsTestApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("Dev <dev@example.org>")]
    [InlineData("a@b@example.org")]
    [InlineData("dev@")]
    public async Task Subscribe_with_invalid_address_is_rejected(string address)
    {
        var (status, detail) = await PostAsync(new JsonObject { ["address"] = address, ["tree"] = "mainline" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("address:", detail);
    }

    [Theory]
    [InlineData("tree", "nosuchtree", "tree: unknown tree 'nosuchtree'")]
    [InlineData("path", "baseline..login", "path: malformed pattern")]
    [InlineData("path", "baseline.$(reboot)", "path: malformed pattern")]
    [InlineData("files", "/etc/passwd", "files: malformed pattern")]
    [InlineData("files", "drivers/../secrets/", "files: malformed pattern")]
    [InlineData("delivery", "hourly", "delivery: must be immediate or daily")]
    public async Task Subscribe_with_bad_field_is_rejected_naming_it(string field, string value, string expected)
    {
        var body = new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", [field] = value };

        var (status, detail) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, detail);
    }

    [Theory]
    [InlineData("\"yes\"", "always: must be true or false")]
    [InlineData("1", "always: must be true or false")]
    public async Task Subscribe_with_always_not_a_boolean_is_rejected(string value, string expected)
    {
        var body = new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["always"] = JsonNode.Parse(value) };

        var (status, detail) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith(expected, detail);
    }

    [Fact]
    public async Task Subscribe_with_always_but_no_tree_is_rejected()
    {
        var (status, detail) = await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["platform"] = "qemu-x86", ["always"] = true });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("always: needs a tree", detail);
    }

    [Fact]
    public async Task Subscription_with_always_says_so_when_listed()
    {
        var id = await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["always"] = true });

        using var response = await _app.Client.SendAsync(_app.AsAdmin(HttpMethod.Get, "/api/subscriptions?address=dev@example.org"));

        var listed = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray());
        Assert.Equal(id, listed!["id"]!.GetValue<string>());
        Assert.True(listed["always"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Subscribe_to_unknown_branch_is_rejected()
    {
        var (status, detail) = await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["branch"] = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("branch: unknown branch 'nope'", detail);
    }

    [Fact]
    public async Task Subscribe_without_anything_to_follow_is_rejected()
    {
        var (status, detail) = await PostAsync(new JsonObject { ["address"] = "dev@example.org" });
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("tree: a subscription needs at least one of", detail);
    }

    [Fact]
    public async Task Confirmation_link_activates_the_subscription_on_post_only()
    {
        await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var link = new Uri(ConfirmLink().Match(await ConfirmationBodyAsync()).Value);

        // Opening the link (as a mail scanner would) shows a button and confirms nothing
        using var page = await _app.Client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Empty(await _app.Get<SubscriptionStore>().ActiveAsync(CancellationToken.None));

        using var confirmed = await _app.Client.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("dev@example.org", Assert.Single(await _app.Get<SubscriptionStore>().ActiveAsync(CancellationToken.None)).Address);
    }

    [Fact]
    public async Task Confirmation_answer_gives_the_link_that_lists_the_subscriptions()
    {
        await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var link = new Uri(ConfirmLink().Match(await ConfirmationBodyAsync()).Value);
        using var confirmed = await _app.Client.PostAsync(link.PathAndQuery, null);
        var manage = new Uri(ManageLink().Match(await confirmed.Content.ReadAsStringAsync()).Value);

        using var listed = await _app.Client.GetAsync(manage.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains("\"mainline\"", await listed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Expired_confirmation_token_is_refused()
    {
        await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var link = new Uri(ConfirmLink().Match(await ConfirmationBodyAsync()).Value);
        _app.Time.Advance(TimeSpan.FromDays(8));

        using var response = await _app.Client.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("token: expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forged_unsubscribe_token_is_refused()
    {
        var id = await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var token = _app.Token(SignedTokens.Unsubscribe, id);
        var forged = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");

        using var response = await _app.Client.PostAsync($"/api/subscriptions/unsubscribe?token={forged}", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("token: not signed by this server", await response.Content.ReadAsStringAsync());
        Assert.NotNull(await _app.Get<SubscriptionStore>().FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task One_click_unsubscribe_removes_the_subscription()
    {
        var id = await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });

        // RFC 8058: a POST to the List-Unsubscribe address with List-Unsubscribe=One-Click
        using var response = await _app.Client.PostAsync($"/api/subscriptions/unsubscribe?token={_app.Token(SignedTokens.Unsubscribe, id)}",
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await _app.Get<SubscriptionStore>().FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Listing_needs_a_manage_token_or_an_admin()
    {
        await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "other@example.org", ["tree"] = "next" });

        using var anonymous = await _app.Client.GetAsync("/api/subscriptions");
        using var owner = await _app.Client.GetAsync($"/api/subscriptions?token={_app.Token(SignedTokens.Manage, "dev@example.org")}");
        using var admin = await _app.Client.SendAsync(_app.AsAdmin(HttpMethod.Get, "/api/subscriptions?address=other@example.org"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("mainline", Assert.Single(JsonNode.Parse(await owner.Content.ReadAsStringAsync())!.AsArray())!["tree"]!.GetValue<string>());
        Assert.Equal("next", Assert.Single(JsonNode.Parse(await admin.Content.ReadAsStringAsync())!.AsArray())!["tree"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_another_address_subscription_is_forbidden()
    {
        var theirs = await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "other@example.org", ["tree"] = "next" });

        using var response = await _app.Client.DeleteAsync($"/api/subscriptions/{theirs}?token={_app.Token(SignedTokens.Manage, "dev@example.org")}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotNull(await _app.Get<SubscriptionStore>().FindAsync(theirs, CancellationToken.None));
    }

    [Fact]
    public async Task Owner_deletes_a_subscription_with_the_manage_token()
    {
        var id = await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "next" });

        using var response = await _app.Client.DeleteAsync($"/api/subscriptions/{id}?token={_app.Token(SignedTokens.Manage, "dev@example.org")}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await _app.Get<SubscriptionStore>().FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Outbox_api_is_for_admins_only()
    {
        using var anonymous = await _app.Client.GetAsync("/api/notifications/outbox");
        using var owner = await _app.Client.GetAsync($"/api/notifications/outbox?token={_app.Token(SignedTokens.Manage, "dev@example.org")}");
        using var badState = await _app.Client.SendAsync(_app.AsAdmin(HttpMethod.Get, "/api/notifications/outbox?state=lost"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, owner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Contains("state: must be pending, sent or failed", await badState.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Second_subscription_of_an_unconfirmed_address_sends_no_second_confirmation()
    {
        await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "next" });

        Assert.Single(await _app.OutboxAsync(), e => e.Kind == "confirmation");
    }

    [Fact]
    public async Task Address_with_the_most_subscriptions_is_refused_one_more()
    {
        for (var i = 0; i < SubscriptionsApi.MaxPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await PostAsync(new JsonObject { ["address"] = "dev@example.org", ["platform"] = $"board-{i}" })).Status);
        }

        var (status, detail) = await PostAsync(new JsonObject { ["address"] = "DEV@example.org", ["platform"] = "one-more" });

        Assert.Equal((HttpStatusCode.BadRequest, "address: already has 100 subscriptions; delete some first"), (status, detail));
    }

    private async Task<(HttpStatusCode Status, string Detail)> PostAsync(JsonObject body)
    {
        using var response = await _app.Client.PostAsync("/api/subscriptions", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? "" : JsonNode.Parse(text)?["detail"]?.GetValue<string>() ?? text);
    }

    private async Task<string> ConfirmationBodyAsync()
    {
        var text = await _app.MessageTextAsync("confirmation");
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return (await MimeKit.MimeMessage.LoadAsync(stream)).TextBody!;
    }

    [GeneratedRegex(@"https://\S+/api/subscriptions/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"https://\S+/api/subscriptions\?token=\S+")]
    private static partial Regex ManageLink();
}
