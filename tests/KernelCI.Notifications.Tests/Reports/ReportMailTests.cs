using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Reports;

/// <summary>Each report kind, sent through a real SMTP server and checked against its golden file.</summary>
public sealed class ReportMailTests : IAsyncLifetime
{
    private SmtpSink _sink = null!;
    private NotificationsTestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _sink = SmtpSink.Start();
        _app = await NotificationsTestApp.StartAsync(_sink.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Regression_report_matches_its_golden_file()
    {
        // Given a confirmed subscription to mainline
        await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var confirmations = (await _sink.WaitForAsync(1)).Count;

        // When a regression opens
        _app.Feed.Push(Regressions.Open());
        Assert.Equal(1, await _app.ReadFeedAsync());

        // Then its report arrives
        var mail = (await _sink.WaitForAsync(confirmations + 1))[^1];
        Assert.Equal(["dev@example.org"], _sink.Received[^1].To);
        Golden.Verify("regression", mail);
    }

    [Fact]
    public async Task Culprit_follow_up_joins_the_report_thread()
    {
        await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var regression = Regressions.Open();
        _app.Feed.Push(regression);
        await _app.ReadFeedAsync();
        var report = (await _sink.WaitForAsync(2))[^1];

        _app.Feed.Push(Regressions.WithCulprit(regression));
        Assert.Equal(1, await _app.ReadFeedAsync());

        var followUp = (await _sink.WaitForAsync(3))[^1];
        Assert.Equal(report.MessageId, followUp.InReplyTo);
        Assert.Equal([report.MessageId!], followUp.References);
        Assert.Equal("Re: " + report.Subject, followUp.Subject);
        Golden.Verify("culprit", followUp);
    }

    [Fact]
    public async Task Fixed_follow_up_matches_its_golden_file()
    {
        await _app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline" });
        var regression = Regressions.Open();
        _app.Feed.Push(regression);
        await _app.ReadFeedAsync();
        var report = (await _sink.WaitForAsync(2))[^1];

        _app.Feed.Push(Regressions.Fixed(regression));
        await _app.ReadFeedAsync();

        var followUp = (await _sink.WaitForAsync(3))[^1];
        Assert.Equal(report.MessageId, followUp.InReplyTo);
        Golden.Verify("fixed", followUp);
    }

    [Fact]
    public async Task Confirmation_mail_matches_its_golden_file()
    {
        using var response = await _app.Client.PostAsync("/api/subscriptions", Json(new JsonObject { ["address"] = "dev@example.org", ["tree"] = "mainline", ["path"] = "baseline.*" }));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);

        var mail = (await _sink.WaitForAsync(1))[0];
        Golden.Verify("confirmation", mail);
    }

    [Fact]
    public async Task Reports_beyond_the_recipient_limit_become_one_summary()
    {
        await using var app = await NotificationsTestApp.StartAsync(_sink.Port, configure: o =>
        {
            o.PerRecipientLimit = 2;
            o.SummaryDelaySeconds = 60;
            return o;
        });
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "lab@example.org", ["tree"] = "mainline" });
        var before = (await _sink.WaitForAsync(1)).Count;

        // Five boards fail at once
        app.Feed.Push([.. Enumerable.Range(1, 5).Select(i => Regressions.Open(id: $"5f2a9c0b7d1e4a6b8c3d2e{i:x2}", platform: $"board-{i}"))]);
        await app.ReadFeedAsync();
        await _sink.WaitForAsync(before + 2);
        app.Time.Advance(TimeSpan.FromSeconds(60));

        var mails = await _sink.WaitForAsync(before + 3);
        Assert.Equal(["regression", "regression", "summary"], mails.Skip(before).Select(m => m.Headers["X-KernelCI-Report"]));
        Golden.Verify("summary", mails[^1]);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
