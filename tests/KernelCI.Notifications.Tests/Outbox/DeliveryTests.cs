using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Sending;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmtpServer.Protocol;

namespace KernelCI.Notifications.Tests.Outbox;

/// <summary>The sender against a real SMTP server: retries, permanent failures, resends, unconfirmed addresses.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private SmtpSink _sink = null!;

    public ValueTask InitializeAsync()
    {
        _sink = SmtpSink.Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task Temporary_smtp_failure_is_retried_after_the_back_off()
    {
        await using var app = await NotificationsTestApp.StartAsync(_sink.Port);
        _sink.Refuse((SmtpReplyCode)451); // local error in processing

        await Subscribe(app);
        var deferred = await WaitForStateAsync(app, e => e.Attempts == 1 && e.LastError is not null);
        Assert.Equal(OutboxStates.Pending, deferred.State);
        Assert.StartsWith("451", deferred.LastError);
        Assert.Equal(NotificationsTestApp.Start.AddSeconds(30), deferred.DueAt);
        Assert.Empty(_sink.Received);

        app.Time.Advance(TimeSpan.FromSeconds(30));

        await _sink.WaitForAsync(1);
        var sent = await WaitForStateAsync(app, e => e.State == OutboxStates.Sent);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Permanent_smtp_failure_is_recorded_and_listed()
    {
        await using var app = await NotificationsTestApp.StartAsync(_sink.Port);
        _sink.Refuse(SmtpReplyCode.MailboxUnavailable); // 550

        await Subscribe(app);
        var failed = await WaitForStateAsync(app, e => e.State == OutboxStates.Failed);
        Assert.StartsWith("550", failed.LastError);

        using var response = await app.Client.SendAsync(app.AsAdmin(HttpMethod.Get, "/api/notifications/outbox?state=failed"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(failed.MessageId, Assert.Single(listed)!["message_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_connection_is_a_temporary_failure()
    {
        await using var app = await NotificationsTestApp.StartAsync(FreePort.BasePort());

        await Subscribe(app);

        var deferred = await WaitForStateAsync(app, e => e.Attempts == 1);
        Assert.Equal(OutboxStates.Pending, deferred.State);
        Assert.Contains("SocketException", deferred.LastError);
    }

    [Fact]
    public async Task Crash_between_sending_and_marking_resends_the_same_message_id()
    {
        await using var app = await NotificationsTestApp.StartAsync(_sink.Port, services: s =>
        {
            var smtp = s.Single(d => d.ServiceType == typeof(IMailTransport));
            s.Replace(ServiceDescriptor.Singleton<IMailTransport>(sp => new CrashAfterSendTransport((IMailTransport)smtp.ImplementationFactory!(sp))));
        });

        await Subscribe(app);
        await _sink.WaitForAsync(1);
        await WaitForStateAsync(app, e => e.Attempts == 1);
        app.Time.Advance(TimeSpan.FromSeconds(30));

        var mails = await _sink.WaitForAsync(2);
        Assert.Equal(mails[0].MessageId, mails[1].MessageId);
        Assert.Equal(mails[0].TextBody, mails[1].TextBody);
        await WaitForStateAsync(app, e => e.State == OutboxStates.Sent);
    }

    [Fact]
    public async Task Unconfirmed_address_gets_nothing_but_its_confirmation()
    {
        await using var app = await NotificationsTestApp.StartAsync(_sink.Port);
        await Subscribe(app);
        await _sink.WaitForAsync(1);

        app.Feed.Push(Regressions.Open());

        Assert.Equal(0, await app.ReadFeedAsync());
        Assert.Equal(["confirmation"], (await app.OutboxAsync()).Select(e => e.Kind));
    }

    private static async Task Subscribe(NotificationsTestApp app)
    {
        using var response = await app.Client.PostAsync("/api/subscriptions",
            new StringContent("""{"address": "dev@example.org", "tree": "mainline"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    // The sender runs on its own; its marks land a moment after the SMTP server's reply.
    private static async Task<OutboxEntry> WaitForStateAsync(NotificationsTestApp app, Func<OutboxEntry, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if ((await app.OutboxAsync()).FirstOrDefault(condition) is { } entry)
            {
                return entry;
            }

            await Task.Delay(20, timeout.Token);
        }
    }
}
