using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Notifications.Subscriptions;
using KernelCI.Testing;

namespace KernelCI.Notifications.Tests.Subscriptions;

/// <summary>The deployment's cap on what posting without a login can make it do: addresses awaiting confirmation,
/// and confirmation mails an hour (docs/notifications.md, "Bad input").</summary>
public sealed class UnconfirmedCapTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_address_beyond_the_unconfirmed_cap_is_refused_with_429_and_nothing_written(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind, unconfirmed: 2, perHour: 100);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "a@example.org")).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "b@example.org")).Status);

        var (status, detail) = await PostAsync(app, "c@example.org");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("address: 2 addresses already await confirmation, the most this server takes; try again later", detail);
        Assert.DoesNotContain(await app.OutboxAsync(), e => e.Recipient == "c@example.org");
        Assert.Empty(await app.Get<SubscriptionStore>().ListAsync("c@example.org", CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Addresses_already_known_are_not_held_by_the_unconfirmed_cap(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind, unconfirmed: 1, perHour: 100);
        await app.SubscribeConfirmedAsync(new JsonObject { ["address"] = "confirmed@example.org", ["path"] = "baseline.*" });
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "waiting@example.org")).Status);

        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "waiting@example.org", "kselftest.*")).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "confirmed@example.org", "kselftest.*")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(app, "new@example.org")).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Confirmation_beyond_the_hourly_cap_is_refused_until_the_hour_has_passed(DatabaseKind kind)
    {
        await using var app = await StartAsync(kind, unconfirmed: 100, perHour: 2);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "a@example.org")).Status);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "b@example.org")).Status);

        var (status, detail) = await PostAsync(app, "c@example.org");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("address: 2 confirmation mails were sent in the last hour, the most this server sends; try again later", detail);

        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(app, "c@example.org")).Status);
    }

    private static Task<NotificationsTestApp> StartAsync(DatabaseKind kind, int unconfirmed, int perHour) =>
        NotificationsTestApp.StartAsync(kind: kind, configure: o =>
        {
            o.MaxUnconfirmedAddresses = unconfirmed;
            o.MaxConfirmationsPerHour = perHour;
            return o;
        });

    private static async Task<(HttpStatusCode Status, string? Detail)> PostAsync(NotificationsTestApp app, string address, string path = "baseline.*")
    {
        using var response = await app.Client.PostAsync("/api/subscriptions",
            new StringContent(new JsonObject { ["address"] = address, ["path"] = path }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body?["detail"]?.GetValue<string>());
    }
}
