using System.Net;
using System.Text;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Notifications;

/// <summary>The real `kernelci serve` killed (SIGKILL, by the test hook KERNELCI_TEST_NOTIFICATIONS_KILL) at each step
/// of a mail's delivery, then restarted on the same data folder: every mail reaches the SMTP server, and a resent one
/// keeps its Message-ID (docs/notifications.md, "Delivery guarantees"; issue 21 item 4).</summary>
public sealed class SenderKillTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("kernelci-notify-kill-").FullName;
    private readonly SmtpSink _sink = SmtpSink.Start();
    private readonly int _basePort = FreePort.BasePort();

    [Fact]
    public async Task Mail_written_to_the_outbox_before_a_kill_is_sent_after_the_restart()
    {
        var cancel = TestContext.Current.CancellationToken;

        // Given a server that dies right after committing the confirmation mail, before sending it
        await using (var dying = await StartAsync("after-outbox"))
        {
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => SubscribeAsync(cancel));
            await dying.WaitForExitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.Empty(_sink.Received);

        // When it is restarted
        await using var restarted = await StartAsync(null);

        // Then the mail written before the kill arrives
        var mail = Assert.Single(await _sink.WaitForAsync(1, cancel));
        Assert.Equal("[KernelCI] Confirm your subscription", mail.Subject);
        Assert.Equal("dev@example.org", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Mail_accepted_before_a_kill_is_sent_again_with_the_same_message_id()
    {
        var cancel = TestContext.Current.CancellationToken;

        // Given a server that dies after the SMTP server accepted the mail, before marking it sent
        await using (var dying = await StartAsync("after-send"))
        {
            using var created = await SubscribeAsync(cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            await dying.WaitForExitAsync(TimeSpan.FromSeconds(20));
        }

        var first = Assert.Single(_sink.Received).Message;

        // When it is restarted (the dead sender's claim runs out after ClaimSeconds)
        await using var restarted = await StartAsync(null);

        // Then the mail arrives again, with the same Message-ID and text, so the receiver keeps one
        var mails = await _sink.WaitForAsync(2, cancel);
        Assert.Equal(first.MessageId, mails[1].MessageId);
        Assert.Equal(first.TextBody, mails[1].TextBody);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _sink.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private Task<HostProcess> StartAsync(string? killAt)
    {
        var environment = new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = _sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications__Smtp__Security"] = "none",
            // The feed is not needed: the confirmation mail of a subscription goes through the same outbox and sender.
            ["Notifications__Reports"] = "false",
            ["Notifications__ClaimSeconds"] = "3",
        };
        if (killAt is not null)
        {
            environment["KERNELCI_TEST_NOTIFICATIONS_KILL"] = killAt;
        }

        return HostProcess.StartAsync(_data, null, _basePort, ["--only", "notifications"], 5, environment);
    }

    private async Task<HttpResponseMessage> SubscribeAsync(CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_basePort + 5}/"), Timeout = TimeSpan.FromSeconds(20) };
        return await http.PostAsync("api/subscriptions",
            new StringContent("""{"address": "dev@example.org", "path": "baseline.*"}""", Encoding.UTF8, "application/json"), cancel);
    }
}
