using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Notifications.Feed;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Subscriptions;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Jwt;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Notifications.Tests;

/// <summary>The notifications component in process on a fresh database, its clock a FakeTimeProvider, its feed, tree
/// catalog and KCIDB details fakes; mails go to <see cref="SmtpSink"/> when a port is given.</summary>
internal sealed class NotificationsTestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly string _dataDirectory;
    private readonly TestDatabase _database;

    private NotificationsTestApp(string dataDirectory, TestDatabase database, WebApplication app, FakeTimeProvider time, FakeFeed feed)
    {
        _dataDirectory = dataDirectory;
        _database = database;
        App = app;
        Time = time;
        Feed = feed;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeTimeProvider Time { get; }

    public FakeFeed Feed { get; }

    public Database Database => _database.Database;

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static NotificationsOptions Options(int? smtpPort) => new()
    {
        Smtp = new SmtpOptions { Host = smtpPort is null ? "" : "127.0.0.1", Port = smtpPort ?? 0, Security = "none", TimeoutSeconds = 10 },
        From = "KernelCI bot <bot@kernelci.test>",
        DashboardUrl = "https://dashboard.kernelci.test/",
        Reports = false,
        RetrySeconds = 30,
    };

    public static async Task<NotificationsTestApp> StartAsync(int? smtpPort = null, DatabaseKind kind = DatabaseKind.Sqlite,
        Func<NotificationsOptions, NotificationsOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var options = Options(smtpPort);
        options = configure?.Invoke(options) ?? options;
        var dataDirectory = Directory.CreateTempSubdirectory("kernelci-notify-").FullName;
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, NotificationsMigrations.All);
        var time = new FakeTimeProvider(Start);
        var feed = new FakeFeed();
        var context = new HostContext(dataDirectory, database.Database, new SecretStore(dataDirectory), time);
        var component = new NotificationsComponent(options, s =>
        {
            s.Replace(ServiceDescriptor.Singleton<IRegressionFeed>(feed));
            s.Replace(ServiceDescriptor.Singleton<ITreeCatalog>(new FixedTrees()));
            s.Replace(ServiceDescriptor.Singleton<IFailureDetails>(new FixedDetails()));
            services?.Invoke(s);
        });
        var app = ComponentApp.Build(component, context, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        return new NotificationsTestApp(dataDirectory, database, app, time, feed);
    }

    /// <summary>A KCIDB admin token, signed with KCIDB's secret of this data folder.</summary>
    public string AdminToken() =>
        Hs256Jwt.Sign(new JsonObject { ["origin"] = "admin", ["admin"] = true, ["exp"] = Time.GetUtcNow().AddDays(1).ToUnixTimeSeconds() },
            Get<SecretStore>().Get("kcidb-jwt"));

    public HttpRequestMessage AsAdmin(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken());
        return request;
    }

    /// <summary>Subscribes through the API and confirms the address as its link would.</summary>
    public async Task<string> SubscribeConfirmedAsync(JsonObject request)
    {
        using var response = await Client.PostAsync("/api/subscriptions", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        await Get<SubscriptionStore>().ConfirmAsync(body["address"]!.GetValue<string>(), CancellationToken.None);
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Reads one page of the fake feed as the feed reader does.</summary>
    public Task<int> ReadFeedAsync() => Get<RegressionFeedReader>().ReadPageAsync(CancellationToken.None);

    /// <summary>The text of the newest mail of the kind, as the outbox keeps it.</summary>
    public async Task<string> MessageTextAsync(string kind)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message FROM notification_outbox WHERE kind = @kind ORDER BY id DESC LIMIT 1";
        command.AddParameter("kind", kind);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public string Token(string purpose, string subject, TimeSpan? lifetime = null) =>
        Get<SignedTokens>().Create(purpose, subject, lifetime ?? TimeSpan.FromDays(1));

    public async Task<IReadOnlyList<OutboxEntry>> OutboxAsync(string? state = null) =>
        await Get<OutboxStore>().ListAsync(state, null, 1000, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
