using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Tests.Subscriptions;

/// <summary>Upstream's YAML subscription files loaded unchanged as read-only subscriptions (docs/notifications.md,
/// "Subscription files"); SubscriptionFiles/mainline.yaml is in kernelci/dashboard's format, with its quirks
/// (`- default:` items whose keys sit beside the report's name, `always: True`, LIKE paths).</summary>
public sealed class SubscriptionFilesTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kernelci-subscription-files-").FullName;
    private NotificationsTestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "SubscriptionFiles")))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        _app = await NotificationsTestApp.StartAsync(configure: o =>
        {
            o.SubscriptionFiles = _folder;
            return o;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Regression_on_the_files_tree_is_reported_to_its_default_recipients()
    {
        _app.Feed.Push(Regressions.Open());

        await _app.ReadFeedAsync();

        Assert.Equal(["one@example.org", "two@example.org"], await ReportRecipientsAsync());
    }

    [Fact]
    public async Task Regression_matching_a_reports_like_path_goes_to_its_own_recipients_too()
    {
        _app.Feed.Push(Regressions.Open(path: "rt-tests.cyclictest"));

        await _app.ReadFeedAsync();

        Assert.Equal(["linux-rt-devel@lists.example.org", "one@example.org", "two@example.org"], await ReportRecipientsAsync());
    }

    [Fact]
    public async Task Regression_of_another_tree_or_origin_is_not_reported()
    {
        _app.Feed.Push(Regressions.Open(tree: "next"), Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e20") with { Origin = "microsoft", Branch = "main" });

        await _app.ReadFeedAsync();

        Assert.Empty(await ReportRecipientsAsync());
    }

    [Fact]
    public async Task Files_subscriptions_are_listed_read_only_with_their_file()
    {
        using var response = await _app.Client.GetAsync($"/api/subscriptions?token={_app.Token(SignedTokens.Manage, "one@example.org")}");

        var listed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(2, listed.Count); // the default report and microsoft's; rt_tests ignores the default recipients
        Assert.All(listed, s =>
        {
            Assert.True(s!["read_only"]!.GetValue<bool>());
            Assert.Equal("mainline.yaml", s["source"]!.GetValue<string>());
            Assert.Equal("mainline", s["tree"]!.GetValue<string>());
        });
        Assert.Equal(["maestro", "microsoft"], listed.Select(s => s!["origin"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Files_subscription_cannot_be_deleted_through_the_api()
    {
        var id = _app.Get<SubscriptionFiles>().For("two@example.org")[0].Id;
        using var request = _app.AsAdmin(HttpMethod.Delete, $"/api/subscriptions/{id}");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("comes from the subscription file mainline.yaml", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task File_that_does_not_parse_is_skipped_and_the_others_load()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "broken.yaml"), "mainline: [unclosed");

        Assert.Equal(4, _app.Get<SubscriptionFiles>().All().Select(s => s.Address).Distinct().Count());
    }

    // SubscriptionFiles/qcs9100_hardware.yaml is upstream's example-hardware-subscription.yaml as it is.
    [Fact]
    public void Hardware_file_subscribes_each_recipient_to_its_platforms_weekly_summary_only()
    {
        var loaded = Assert.Single(_app.Get<SubscriptionFiles>().All(), s => s.Source == "qcs9100_hardware.yaml");

        Assert.Equal(("recipient1@example.com", "qcs9100-ride", "maestro", true, true),
            (loaded.Address, loaded.Platform, loaded.Origin, loaded.WeeklyHardwareOnly, loaded.ReadOnly));
        Assert.Null(loaded.Tree);
    }

    [Fact]
    public async Task Hardware_files_platform_gets_the_weekly_hardware_summary()
    {
        var (app, _, _) = await ReportsTestApp.StartWithIssuesAsync(configure: o =>
        {
            o.SubscriptionFiles = _folder;
            return o;
        });
        await using var _ = app;
        await app.WriteWeeklyAsync();
        app.Time.Advance(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero) - NotificationsTestApp.Start);

        await app.WriteWeeklyAsync();

        var mail = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Hardware);
        Assert.Equal("recipient1@example.com", mail.Recipient);
        Assert.Contains("qcs9100-ride", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Regression_on_a_hardware_files_platform_is_not_reported_to_its_recipients()
    {
        _app.Feed.Push(Regressions.Open(tree: "next", platform: "qcs9100-ride"));

        await _app.ReadFeedAsync();

        Assert.Empty(await ReportRecipientsAsync());
    }

    [Fact]
    public async Task Hardware_files_entry_is_listed_read_only_and_cannot_be_deleted()
    {
        using var response = await _app.Client.GetAsync($"/api/subscriptions?token={_app.Token(SignedTokens.Manage, "recipient1@example.com")}");
        var listed = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray())!;
        Assert.Equal((true, true, "qcs9100-ride"), (listed["read_only"]!.GetValue<bool>(), listed["weekly_hardware_only"]!.GetValue<bool>(),
            listed["platform"]!.GetValue<string>()));

        using var request = _app.AsAdmin(HttpMethod.Delete, $"/api/subscriptions/{listed["id"]}");
        using var deleted = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
    }

    private async Task<List<string>> ReportRecipientsAsync() =>
        [.. (await _app.OutboxAsync()).Where(e => e.Kind == MailKinds.Regression).Select(e => e.Recipient).Order()];
}
