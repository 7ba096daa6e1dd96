using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Notifications.Checkouts;
using KernelCI.Notifications.Outbox;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Checkouts;

/// <summary>Checkout summaries: written once the checkout's node is done and the delay has passed, per subscription,
/// only when something changed unless it says `always`; never twice.</summary>
public sealed class CheckoutSummaryTests
{
    private const string Earlier = "0badc0de0badc0de0badc0de0badc0de0badc0de";

    [Fact]
    public async Task Checkout_summary_matches_its_golden_file()
    {
        await using var sink = SmtpSink.Start();
        var (app, checkouts) = await ReportsTestApp.StartAsync(sink.Port);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["branch"] = "master" });
        // One regression of each list: opened by the checkout's commit, fixed by it, open from before, and flaky
        var stillFailing = Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e30", path: "kselftest.mm.gup_test", platform: "qemu-arm64") with { FirstBadCommit = Earlier };
        app.Feed.Push(
            Regressions.Open(),
            Regressions.Fixed(Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e20", path: "baseline.dmesg.crit")) with { FixedByCommit = Regressions.Bad, FirstBadCommit = Earlier },
            stillFailing,
            stillFailing with { Id = "5f2a9c0b7d1e4a6b8c3d2e40", Path = "kselftest.net.tls", Flaky = true });
        await app.ReadFeedAsync();
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d01");

        Assert.Equal(1, await app.SummarizeAsync());

        var mails = await sink.WaitForAsync((await app.OutboxAsync()).Count);
        var summary = Assert.Single(mails, m => m.Headers["X-KernelCI-Report"] == MailKinds.Checkout);
        Golden.Verify("checkout", summary);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_without_changes_is_summarized_only_for_always_subscriptions(DatabaseKind kind)
    {
        var (app, checkouts) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "quiet@example.org", ["tree"] = "mainline" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "always@example.org", ["tree"] = "mainline", ["always"] = true });
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d02");

        await app.SummarizeAsync();

        var summary = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Checkout);
        Assert.Equal("always@example.org", summary.Recipient);
        Assert.Equal($"[STATUS][maestro] mainline/master - {Regressions.Bad}", summary.Subject);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_waits_for_the_delay_after_the_checkout_is_done(DatabaseKind kind)
    {
        var (app, checkouts) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        app.Feed.Push(Regressions.Open());
        await app.ReadFeedAsync();
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d03");
        await app.Get<CheckoutFeedReader>().ReadAsync(CancellationToken.None);

        app.Time.Advance(TimeSpan.FromSeconds(app.Get<NotificationsOptions>().CheckoutSummaryDelaySeconds - 1));
        Assert.Equal(0, await app.Get<CheckoutSummaries>().WriteDueAsync(CancellationToken.None));
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await app.Get<CheckoutSummaries>().WriteDueAsync(CancellationToken.None));

        Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Checkout);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_done_twice_is_summarized_once_per_subscription(DatabaseKind kind)
    {
        var (app, checkouts) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["always"] = true });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["branch"] = "master", ["always"] = true });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "next@example.org", ["tree"] = "next", ["always"] = true });
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d04");
        await app.SummarizeAsync();

        // Maestro sends the done node again (another update), and the cursor is lost
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d04");
        await using (var connection = await app.Database.OpenConnectionAsync())
        await using (var reset = connection.CreateCommand())
        {
            reset.CommandText = "DELETE FROM notification_cursors";
            await reset.ExecuteNonQueryAsync();
        }

        await app.SummarizeAsync();

        var summaries = (await app.OutboxAsync()).Where(e => e.Kind == MailKinds.Checkout).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, s => Assert.Equal("dev@example.org", s.Recipient));
        Assert.Equal(2, await app.Get<OutboxStore>().InTransactionAsync((w, _, _) => w.CursorAsync(CheckoutFeedReader.Cursor, CancellationToken.None),
            CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_lists_only_what_the_subscription_follows(DatabaseKind kind)
    {
        var (app, checkouts) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "mm@example.org", ["tree"] = "mainline", ["path"] = "kselftest.mm*" });
        app.Feed.Push(Regressions.Open(), Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e50", path: "kselftest.mm.gup_test"));
        await app.ReadFeedAsync();
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d05");

        await app.SummarizeAsync();

        var text = await app.MessageTextAsync(MailKinds.Checkout);
        Assert.Contains("kselftest.mm.gup_test", text);
        Assert.DoesNotContain("baseline.login", text);
    }

    [Fact]
    public void Maestro_event_of_a_done_checkout_is_read_with_its_revision()
    {
        var node = JsonNode.Parse("""
            {"op": "updated", "id": "675a1b2c3d4e5f6a7b8c9d0e", "kind": "checkout", "name": "checkout", "state": "done", "result": "incomplete",
             "data": {"error_code": "node_timeout", "kernel_revision": {"tree": "mainline", "branch": "master", "commit": "8f1c3b2d4e5a",
                      "url": "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git"}}}
            """)!.AsObject();

        var checkout = MaestroCheckoutFeed.Parse(7, node);

        Assert.Equal(new CompletedCheckout(7, "675a1b2c3d4e5f6a7b8c9d0e", "mainline", "master", "8f1c3b2d4e5a",
            "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", "incomplete", true), checkout);
        Assert.Null(MaestroCheckoutFeed.Parse(8, JsonNode.Parse("""{"id": "675a1b2c3d4e5f6a7b8c9d0f", "data": {}}""")!.AsObject()));
    }
}
