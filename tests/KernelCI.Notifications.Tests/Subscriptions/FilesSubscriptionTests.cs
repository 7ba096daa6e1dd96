using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Subscriptions;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Subscriptions;

/// <summary>`files` subscriptions follow culprits: a regression whose bisection named a commit touching a file the
/// MAINTAINERS-style pattern matches (docs/notifications.md, "Files subscriptions").</summary>
public sealed class FilesSubscriptionTests
{
    private static KcidbRegression WithCulpritFiles(KcidbRegression r, params string[] files) =>
        r with { Culprit = Regressions.WithCulprit(r).Culprit! with { Files = files } };

    private static Subscription Following(string files) =>
        new("s1", "dev@example.org", null, null, null, null, null, files, "immediate", "active", default);

    [Theory]
    [InlineData("drivers/net/", "drivers/net/phy/phy.c", true)]
    [InlineData("drivers/net/", "drivers/net/Kconfig", true)]
    [InlineData("drivers/net/", "drivers/netdevsim/dev.c", false)]
    [InlineData("drivers/net/", "drivers/net", false)]
    [InlineData("arch/*/kvm/", "arch/x86/kvm/x86.c", true)]
    [InlineData("arch/*/kvm/", "arch/arm64/kvm/hyp/switch.c", true)]
    [InlineData("arch/*/kvm/", "arch/x86/kernel/kvm.c", false)]
    [InlineData("mm/slub.c", "mm/slub.c", true)]
    [InlineData("mm/slub.c", "mm/slab.c", false)]
    [InlineData("mm/slub.c", "mm/slub.c.orig", false)]
    [InlineData("mm/slub.c", "tools/mm/slub.c", false)]
    public void Files_subscription_matches_a_culprit_touching_a_file_its_pattern_names(string pattern, string file, bool matches) =>
        Assert.Equal(matches, SubscriptionMatch.Matches(Following(pattern), WithCulpritFiles(Regressions.Open(), "Documentation/index.rst", file)));

    [Fact]
    public void Regression_without_a_culprit_or_without_its_files_matches_no_files_subscription()
    {
        var withoutFiles = Regressions.WithCulprit(Regressions.Open());

        Assert.False(SubscriptionMatch.Matches(Following("drivers/net/"), Regressions.Open()));
        Assert.False(SubscriptionMatch.Matches(Following("drivers/net/"), withoutFiles));
        Assert.False(SubscriptionMatch.Matches(Following("drivers/net/"), WithCulpritFiles(Regressions.Open())));
    }

    [Fact]
    public void Files_subscription_with_a_tree_needs_both_to_hold()
    {
        var subscription = Following("mm/") with { Tree = "next" };

        Assert.False(SubscriptionMatch.Matches(subscription, WithCulpritFiles(Regressions.Open(tree: "mainline"), "mm/slub.c")));
        Assert.True(SubscriptionMatch.Matches(subscription, WithCulpritFiles(Regressions.Open(tree: "next"), "mm/slub.c")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Files_subscriber_hears_of_a_regression_when_its_culprit_touches_their_files(DatabaseKind kind)
    {
        await using var app = await NotificationsTestApp.StartAsync(kind: kind);
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "net@example.org", ["files"] = "drivers/net/" });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "mm@example.org", ["files"] = "mm/slub.c" });
        var regression = Regressions.Open();
        app.Feed.Push(regression);
        await app.ReadFeedAsync();
        Assert.Empty(await ReportsAsync(app));

        app.Feed.Push(WithCulpritFiles(regression, "drivers/net/phy/phy.c", "include/linux/phy.h"));
        await app.ReadFeedAsync();

        Assert.Equal([(MailKinds.Regression, "net@example.org"), (MailKinds.Culprit, "net@example.org")], await ReportsAsync(app));
        var culprit = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Culprit);
        var report = Assert.Single(await app.OutboxAsync(), e => e.Kind == MailKinds.Regression);
        Assert.Contains($"In-Reply-To: <{report.MessageId}>", await app.MessageTextAsync(MailKinds.Culprit), StringComparison.Ordinal);
        Assert.Equal("Re: " + report.Subject, culprit.Subject);
    }

    private static async Task<List<(string Kind, string Recipient)>> ReportsAsync(NotificationsTestApp app) =>
        [.. (await app.OutboxAsync()).Where(e => e.Kind != MailKinds.Confirmation).OrderBy(e => e.Id).Select(e => (e.Kind, e.Recipient))];
}
