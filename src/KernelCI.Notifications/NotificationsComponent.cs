using KernelCI.Client.Dashboard;
using KernelCI.Client.Kcidb;
using KernelCI.Data;
using KernelCI.Notifications.BuildIssues;
using KernelCI.Notifications.Checkouts;
using KernelCI.Notifications.Digests;
using KernelCI.Notifications.Feed;
using KernelCI.Notifications.Http;
using KernelCI.Notifications.Outbox;
using KernelCI.Notifications.Reports;
using KernelCI.Notifications.Sending;
using KernelCI.Notifications.Subscriptions;
using KernelCI.Notifications.Weekly;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications;

/// <summary>Email reports (docs/notifications.md): KCIDB's regression feed → reports for the matching confirmed
/// subscriptions → a durable outbox → SMTP (or `.eml` files without an SMTP host). Its own listener (base port + 5)
/// serves the subscription and outbox API; the dashboard listener forwards `/api/subscriptions` to it over HTTP, so
/// neither project references the other.</summary>
public sealed class NotificationsComponent(NotificationsOptions? given = null, Action<IServiceCollection>? overrides = null) : IComponent, IPeerClient
{
    private Uri? _dashboard;
    private Uri? _kcidb;
    private Uri? _maestro;

    public string Name => "notifications";

    public int PortOffset => 5;

    public IReadOnlyList<string> Secrets => [SignedTokens.SecretName];

    public IReadOnlyList<Migration> Migrations => NotificationsMigrations.All;

    /// <summary>Finds the dashboard (links in mails, the tree catalog) and KCIDB (the feed) of this deployment.</summary>
    public Task ConnectAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        _dashboard = deployment.UrlOf("dashboard");
        _kcidb = deployment.UrlOf("kcidb");
        // A deployment without Maestro (only KCIDB's origins) has no checkout summaries to make.
        try
        {
            _maestro = deployment.UrlOf("maestro");
        }
        catch (InvalidOperationException)
        {
            _maestro = null;
        }

        return Task.CompletedTask;
    }

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        var options = builder.AddComponentOptions("Notifications", given, new NotificationsOptionsValidator());
        var dashboard = options.DashboardUrl.Length > 0 ? options.DashboardUrl : (_dashboard ?? new Uri("http://127.0.0.1:8000/")).ToString();
        var kcidb = options.KcidbUrl.Length > 0 ? new Uri(options.KcidbUrl) : _kcidb ?? new Uri("http://127.0.0.1:8003/");
        var services = builder.Services;
        services.AddSingleton(TestKillHook.FromEnvironment());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton(new Links(dashboard));
        services.AddSingleton(sp => new SignedTokens(System.Text.Encoding.UTF8.GetBytes(context.Secrets.Get(SignedTokens.SecretName)), context.TimeProvider));
        services.AddSingleton<ConfirmationMail>();
        services.AddSingleton<RegressionMails>();
        services.AddSingleton<SummaryMail>();
        services.AddSingleton<RegressionReports>();
        services.AddSingleton<UnconfirmedCap>();
        services.AddSingleton<SubscriptionFiles>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<SmtpCredentials>();
        if (options.Smtp.Host.Length > 0)
        {
            services.AddSingleton<IMailTransport>(sp => new SmtpTransport(options.Smtp, sp.GetRequiredService<SmtpCredentials>()));
        }
        else
        {
            var directory = options.DryRunDirectory.Length > 0 ? Path.GetFullPath(options.DryRunDirectory) : Path.Combine(context.DataDirectory, "mail");
            services.AddSingleton<IMailTransport>(new DryRunTransport(directory));
        }

        // Two lines per feed read (every FeedWaitSeconds when idle) say nothing an operator needs.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // The feed's reads block up to FeedWaitSeconds; the client must wait longer than that.
        services.AddHttpClient("kcidb", c => (c.BaseAddress, c.Timeout) = (kcidb, TimeSpan.FromSeconds(options.FeedWaitSeconds + 60)));
        services.AddHttpClient("dashboard", c => (c.BaseAddress, c.Timeout) = (new Uri(dashboard.TrimEnd('/') + "/api/"), TimeSpan.FromSeconds(30)));
        services.AddSingleton(sp => new KcidbClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("kcidb"), ""));
        services.AddSingleton<ITreeCatalog>(sp => new DashboardTreeCatalog(
            new DashboardApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("dashboard"), context.TimeProvider) { RetryDelays = [] },
            context.TimeProvider));
        services.AddSingleton<IFailureDetails, FailureDetailsReader>();
        services.AddSingleton<IRegressionFeed, KcidbRegressionFeed>();
        AddReports(services, options, options.MaestroUrl.Length > 0 ? new Uri(options.MaestroUrl) : _maestro ?? new Uri("http://127.0.0.1:8001/"));
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddSingleton<RegressionFeedReader>();
        if (options.Reports)
        {
            services.AddHostedService(sp => sp.GetRequiredService<RegressionFeedReader>());
        }

        services.AddComponentAuthentication<AuthenticationSchemeOptions, CallerTokenHandler>(CallerTokenHandler.SchemeName)
            .AddSchemePolicy(SubscriptionsApi.CallerPolicy, CallerTokenHandler.SchemeName)
            .AddPolicy(OutboxApi.AdminPolicy, p => p.AddAuthenticationSchemes(CallerTokenHandler.SchemeName).RequireClaim(CallerTokenHandler.AdminClaim, "true"));
        overrides?.Invoke(services);
    }

    // The report kinds beyond regressions (docs/notifications.md, "Report kinds"): checkout summaries from Maestro's
    // checkouts reaching done, and the daily digests.
    private static void AddReports(IServiceCollection services, NotificationsOptions options, Uri maestro)
    {
        services.AddSingleton<ReportOutlet>();
        services.AddSingleton<CheckoutSummaryMail>();
        // The event stream is long-lived: Maestro's keep-alives, not a client timeout, tell a dead connection.
        services.AddHttpClient("maestro", c => (c.BaseAddress, c.Timeout) = (maestro, Timeout.InfiniteTimeSpan));
        services.AddSingleton<ICheckoutFeed>(sp => new MaestroCheckoutFeed(new Client.Maestro.MaestroClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("maestro"))));
        services.AddSingleton<ICheckoutCounts, KcidbCheckoutCounts>();
        services.AddSingleton<CheckoutSummaries>();
        services.AddSingleton<CheckoutFeedReader>();
        services.AddSingleton<BuildIssueMail>();
        services.AddSingleton<IBuildIssueSource>(sp => new BuildIssues.DashboardBuildIssues(
            new DashboardApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("dashboard"), sp.GetRequiredService<TimeProvider>()) { RetryDelays = [] }));
        services.AddSingleton<BuildIssueReader>();
        services.AddSingleton<WeeklyMails>();
        services.AddSingleton<IWeeklyFigures>(sp => new Weekly.DashboardWeeklyFigures(
            new DashboardApiClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("dashboard"), sp.GetRequiredService<TimeProvider>()) { RetryDelays = [] },
            options));
        services.AddSingleton<WeeklyReports>();
        services.AddSingleton<DigestWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestWriter>());
        if (options.Reports)
        {
            services.AddHostedService(sp => sp.GetRequiredService<CheckoutFeedReader>());
            services.AddHostedService(sp => sp.GetRequiredService<CheckoutSummaries>());
            services.AddHostedService(sp => sp.GetRequiredService<BuildIssueReader>());
            services.AddHostedService(sp => sp.GetRequiredService<WeeklyReports>());
        }
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapSubscriptions();
        app.MapOutbox();
    }
}
