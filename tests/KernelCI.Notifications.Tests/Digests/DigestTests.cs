using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Digests;

/// <summary>Daily digests: a daily address's reports of a day become one mail at the digest hour, on the fake clock.</summary>
public sealed class DigestTests
{
    // NotificationsTestApp.Start is 10:00 UTC; DigestHour is 6, so the next digest is at 06:00 the next day.
    private static readonly TimeSpan ToDigestHour = TimeSpan.FromHours(20);

    [Fact]
    public async Task Daily_digest_is_sent_at_the_digest_hour_and_matches_its_golden_file()
    {
        await using var sink = SmtpSink.Start();
        var (app, checkouts) = await ReportsTestApp.StartAsync(sink.Port);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "daily@example.org", ["tree"] = "mainline", ["delivery"] = "daily" });
        var confirmations = (await sink.WaitForAsync(1)).Count;
        app.Feed.Push(Regressions.Open());
        await app.ReadFeedAsync();
        checkouts.Push("675a1b2c3d4e5f6a7b8c9d21");
        await app.SummarizeAsync();
        Assert.DoesNotContain(await app.OutboxAsync(), e => e.Kind is MailKinds.Regression or MailKinds.Checkout);

        // The digest writer's timer, on the fake clock, fires at 06:00
        app.Time.Advance(ToDigestHour - TimeSpan.FromSeconds(app.Get<NotificationsOptions>().CheckoutSummaryDelaySeconds));

        var digest = (await sink.WaitForAsync(confirmations + 1))[^1];
        Assert.Equal(["daily@example.org"], sink.Received[^1].To);
        Golden.Verify("digest", digest);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Digest_is_written_once_per_address_and_day(DatabaseKind kind)
    {
        var (app, _) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "daily@example.org", ["tree"] = "mainline", ["delivery"] = "daily" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "now@example.org", ["tree"] = "mainline" });
        app.Feed.Push(Regressions.Open(), Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e60", platform: "qemu-arm64"));
        await app.ReadFeedAsync();

        Assert.Equal(0, await app.WriteDigestsAsync());
        // The digest writer's own timer fires at the hour too; whichever writes first, the other finds nothing
        app.Time.Advance(ToDigestHour);
        await app.WriteDigestsAsync();

        Assert.Equal(0, await app.WriteDigestsAsync());
        var mails = await app.OutboxAsync();
        var digest = Assert.Single(mails, e => e.Kind == MailKinds.Digest);
        Assert.Equal(("daily@example.org", "[KernelCI] Daily digest of 2026-12-02: 2 reports"), (digest.Recipient, digest.Subject));
        // The immediate address got its reports one by one, and the daily one none of its own
        Assert.Equal(["now@example.org", "now@example.org"], mails.Where(e => e.Kind == MailKinds.Regression).Select(e => e.Recipient));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Report_written_after_the_digest_waits_for_the_next_day(DatabaseKind kind)
    {
        var (app, _) = await ReportsTestApp.StartAsync(kind: kind);
        await using var _ = app;
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "daily@example.org", ["tree"] = "mainline", ["delivery"] = "daily" });
        app.Feed.Push(Regressions.Open());
        await app.ReadFeedAsync();
        app.Time.Advance(ToDigestHour);
        await app.WriteDigestsAsync();

        app.Feed.Push(Regressions.Open(id: "5f2a9c0b7d1e4a6b8c3d2e61", platform: "qemu-arm64"));
        await app.ReadFeedAsync();
        Assert.Equal(0, await app.WriteDigestsAsync());
        app.Time.Advance(TimeSpan.FromDays(1));
        await app.WriteDigestsAsync();

        var digests = (await app.OutboxAsync()).Where(e => e.Kind == MailKinds.Digest).OrderBy(e => e.Id).Select(e => e.Subject);
        Assert.Equal(["[KernelCI] Daily digest of 2026-12-02: 1 report", "[KernelCI] Daily digest of 2026-12-03: 1 report"], digests);
    }
}
