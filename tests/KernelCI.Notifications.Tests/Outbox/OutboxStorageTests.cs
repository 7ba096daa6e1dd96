using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Outbox;

/// <summary>The outbox and the feed cursor on both databases (mails go to the dry-run folder here).</summary>
public sealed class OutboxStorageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Feed_page_writes_its_mails_and_the_cursor_together(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind);
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        app.Feed.Push(Regressions.Open(), Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e20", tree: "next"));

        Assert.Equal(1, await app.ReadFeedAsync());

        Assert.Equal(2, await app.Get<OutboxStore>().CursorAsync(CancellationToken.None));
        var report = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Regression);
        Assert.Equal("5f2a9c0b7d1e4a6b8c3d2e1f", report.RegressionId);
        Assert.Equal("mainline", report.Tree);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Change_read_twice_writes_its_report_once(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind);
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        app.Feed.IgnoreCursor = true;
        app.Feed.Push(Regressions.Open());

        Assert.Equal(1, await app.ReadFeedAsync());
        Assert.Equal(0, await app.ReadFeedAsync());

        Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Regression);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Reports_beyond_the_tree_limit_become_one_summary_per_address(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind, configure: o =>
        {
            o.PerTreeLimit = 1;
            return o;
        });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "a@example.org", ["tree"] = "mainline" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "b@example.org", ["tree"] = "mainline" });

        app.Feed.Push([.. Enumerable.Range(1, 3).Select(i => Regressions.Open(id: $"5f2a9c0b7d1e4a6b8c3d2e{i:x2}", platform: $"board-{i}"))]);
        await app.ReadFeedAsync();

        var mails = (await app.OutboxAsync()).Where(e => e.Kind != MailKinds.Confirmation).ToList();
        Assert.Single(mails, e => e.Kind == MailKinds.Regression);
        var summaries = mails.Where(e => e.Kind == MailKinds.Summary).ToList();
        Assert.Equal(["a@example.org", "b@example.org"], summaries.Select(e => e.Recipient).Order());
        Assert.Contains(summaries, e => e.Subject == "[KernelCI] 3 more regressions");
        Assert.Contains(summaries, e => e.Subject == "[KernelCI] 2 more regressions");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Follow_up_goes_only_to_addresses_that_got_the_report(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind);
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "early@example.org", ["tree"] = "mainline" });
        var regression = Regressions.Open();
        app.Feed.Push(regression);
        await app.ReadFeedAsync();

        // An address subscribed once the regression is fixed never had a report whose thread it would follow
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "late@example.org", ["tree"] = "mainline" });
        app.Feed.Push(Regressions.Fixed(regression));
        await app.ReadFeedAsync();

        var followUp = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Fixed);
        Assert.Equal("early@example.org", followUp.Recipient);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Address_subscribed_while_a_regression_is_open_gets_its_report_with_the_next_change(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind);
        var regression = Regressions.Open();
        app.Feed.Push(regression);
        await app.ReadFeedAsync();

        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "late@example.org", ["tree"] = "mainline" });
        app.Feed.Push(Regressions.WithCulprit(regression));
        await app.ReadFeedAsync();

        var mails = (await app.OutboxAsync()).Where(e => e.Kind != MailKinds.Confirmation).OrderBy(e => e.Id).Select(e => e.Kind);
        Assert.Equal([MailKinds.Regression, MailKinds.Culprit], mails);
    }

    [Fact]
    public async Task Dry_run_writes_each_mail_into_the_mail_folder()
    {
        await using var app = await NotificationsTestApp.StartAsync();
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });

        var entry = Assert.Single(await app.OutboxAsync());
        var context = app.Get<ServiceDefaults.HostContext>();
        var path = Path.Combine(context.DataDirectory, "mail", Sending.DryRunTransport.FileName(entry.MessageId));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!File.Exists(path))
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.Contains("Subject: [KernelCI] Confirm your subscription", await File.ReadAllTextAsync(path, timeout.Token));
    }
}
