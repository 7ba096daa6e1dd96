using KernelCI.Data;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Sending;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Notifications.Tests.Outbox;

/// <summary>Several notifications processes on one database (docs/notifications.md, "Several senders"): each round
/// claims its rows, so no mail is sent by two senders in the same round, and a dead sender's claim runs out.</summary>
public sealed class SeveralSendersTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Two_senders_claiming_at_once_never_get_the_same_mail(DatabaseKind kind)
    {
        await using var senders = await TwoStoresAsync(kind, 120);
        var (first, second) = (senders.First, senders.Second);

        var claims = await Task.WhenAll(ClaimAllAsync(first), ClaimAllAsync(second));

        var ids = claims.SelectMany(c => c).ToList();
        Assert.Equal(120, ids.Count);
        Assert.Equal(120, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Mails_claimed_by_a_sender_are_not_claimed_by_another_until_the_claim_runs_out(DatabaseKind kind)
    {
        await using var senders = await TwoStoresAsync(kind, 3);
        var (app, dead, other) = (senders.App, senders.First, senders.Second);
        var held = await dead.ClaimAsync(100, Lease, CancellationToken.None);
        Assert.Equal(3, held.Count);

        Assert.Empty(await other.ClaimAsync(100, Lease, CancellationToken.None));
        Assert.Equal(app.Time.GetUtcNow() + Lease, await other.NextDueAsync(CancellationToken.None));

        app.Time.Advance(Lease);
        var taken = await other.ClaimAsync(100, Lease, CancellationToken.None);
        Assert.Equal(held.Select(m => m.Id), taken.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Mark_of_a_sender_whose_claim_was_taken_over_changes_nothing(DatabaseKind kind)
    {
        await using var senders = await TwoStoresAsync(kind, 1);
        var (app, slow, other) = (senders.App, senders.First, senders.Second);
        var mail = Assert.Single(await slow.ClaimAsync(100, Lease, CancellationToken.None));
        app.Time.Advance(Lease);
        Assert.Single(await other.ClaimAsync(100, Lease, CancellationToken.None));
        await other.MarkSentAsync(mail.Id, CancellationToken.None);

        await slow.MarkFailedAsync(mail.Id, "550 too late", CancellationToken.None);

        var entry = Assert.Single(await app.OutboxAsync());
        Assert.Equal(OutboxStates.Sent, entry.State);
        Assert.Null(entry.LastError);
    }

    [Fact]
    public async Task Two_running_senders_deliver_each_mail_once_to_a_real_smtp_server()
    {
        await using var sink = SmtpSink.Start();
        await using var app = await NotificationsTestApp.StartAsync(sink.Port);
        var options = NotificationsTestApp.Options(sink.Port);
        using var second = new OutboxSender(new OutboxStore(app.Database, app.Time), app.Get<IMailTransport>(), new OutboxSignal(), options,
            app.Time, NullLogger<OutboxSender>.Instance);

        await WriteMailsAsync(app, 60);
        await second.StartAsync(CancellationToken.None);
        app.Get<OutboxSignal>().Notify();

        var received = await sink.WaitForAsync(60);
        await WaitUntilAllSentAsync(app);
        await second.StopAsync(CancellationToken.None);
        Assert.Equal(60, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(60, sink.Received.Count);
    }

    /// <summary>An app holding <paramref name="mails"/> unsent mails and two outbox stores on its database, as two
    /// senders would have. The test's stores alone claim: the app's own sender is not started (with Reports off it is
    /// the only hosted service).</summary>
    private static async Task<TwoStores> TwoStoresAsync(DatabaseKind kind, int mails)
    {
        var app = await NotificationsTestApp.StartAsync(kind: kind, services: services => services.RemoveAll<IHostedService>());
        await WriteMailsAsync(app, mails);
        return new TwoStores(app, new OutboxStore(app.Database, app.Time), new OutboxStore(app.Database, app.Time));
    }

    private static async Task WriteMailsAsync(NotificationsTestApp app, int count)
    {
        var composer = app.Get<MailComposer>();
        await app.Get<OutboxStore>().InTransactionAsync(async (writer, _, _) =>
        {
            for (var i = 0; i < count; i++)
            {
                var recipient = $"dev{i}@example.org";
                var id = composer.UniqueId(MailKinds.Confirmation);
                var message = composer.Compose(recipient, $"mail {i}", "Hello.\n", id, kind: MailKinds.Confirmation);
                await writer.InsertAsync(new OutboxMail(MailKinds.Confirmation, recipient, "", null, $"mail {i}", id, message, app.Time.GetUtcNow()),
                    CancellationToken.None);
            }

            return 0;
        }, CancellationToken.None);
    }

    private static async Task<List<long>> ClaimAllAsync(OutboxStore store)
    {
        var ids = new List<long>();
        while (await store.ClaimAsync(7, Lease, CancellationToken.None) is { Count: > 0 } claimed)
        {
            ids.AddRange(claimed.Select(m => m.Id));
            await Task.Yield();
        }

        return ids;
    }

    private static async Task WaitUntilAllSentAsync(NotificationsTestApp app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await app.OutboxAsync()).Any(e => e.State != OutboxStates.Sent))
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed record TwoStores(NotificationsTestApp App, OutboxStore First, OutboxStore Second) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
