using System.Net;
using System.Text.Json;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;
using KernelCI.Dashboard.Hardware;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Issues;
using KernelCI.Dashboard.Metrics;
using KernelCI.Dashboard.Origins;
using KernelCI.Dashboard.Proxy;
using KernelCI.Dashboard.Regressions;
using KernelCI.Dashboard.Regressions.Tracked;
using KernelCI.Dashboard.Search;
using KernelCI.Dashboard.Subscriptions;
using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Web;
using KernelCI.Dashboard.Web.Live;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Data;
using KernelCI.Kcidb.Logs;
using KernelCI.Kcidb.Store;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Dashboard;

/// <summary>The dashboard API: upstream's dashboard endpoints (kernelci/dashboard, backend/kernelCI_app/urls.py) under
/// `/api/` on the base port, read from KCIDB's rows and the aggregates ingestion keeps (docs/dashboard-api.md); and the
/// web dashboard's pages beside it, rendered on the server from the same queries (docs/dashboard.md).</summary>
public sealed class DashboardComponent(DashboardOptions? options = null) : IComponent, IPeerClient
{
    // Our own storage's addresses, which `proxy/` serves logs from besides Dashboard:ProxyAllowedHosts.
    private readonly List<Uri> _storage = [];

    // Where `/api/subscriptions` is forwarded: the notifications component of this deployment, when it has one.
    private Uri? _notifications;

    public string Name => "dashboard";

    public int PortOffset => 0;

    public IReadOnlyList<string> Secrets => [];

    /// <summary>KCIDB's, so a dashboard started alone finds its tables; each is applied once per database.</summary>
    public IReadOnlyList<Migration> Migrations => KcidbMigrations.All;

    /// <summary>It reads KCIDB's rows, wherever KCIDB keeps them.</summary>
    public Task<Database> OpenDatabaseAsync(DatabaseChoice choice, CancellationToken cancellationToken) =>
        KcidbDatabase.ChooseAsync(choice, cancellationToken);

    /// <summary>Finds our storage: its listener in this deployment, and the address the pipeline gives its logs when
    /// configured apart (Pipeline:StorageUrl), since log URLs in KCIDB carry that one.</summary>
    public Task ConnectAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        LogFetcherServices.FindStorage(_storage, deployment);
        try
        {
            _notifications = deployment.UrlOf("notifications");
        }
        catch (InvalidOperationException)
        {
            // A deployment without the notifications component answers /api/subscriptions with 503.
        }

        return Task.CompletedTask;
    }

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        var bound = builder.AddComponentOptions("Dashboard", options, new DashboardOptionsValidator());
        // Upstream's answers are snake_case; the few camelCase fields name themselves ([JsonPropertyName]).
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddSingleton<DashboardDb>();
        builder.Services.AddSingleton<IssueListingCache>();
        builder.Services.AddHttpClient();
        // The subscribe page posts to the notifications component found when the deployment connects.
        builder.Services.AddSingleton(new NotificationsTarget(() => _notifications));
        builder.Services.AddSingleton(new ProxyAllowlist(bound.ProxyAllowedHosts, _storage));
        builder.Services.AddSingleton<LogProxy>();
        builder.Services.AddLogFetcherClient();
        // The web pages: Razor components rendered per request on the server (docs/dashboard.md, "Design").
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<StaticAssets>();
        // `/labs` reads the pipeline's lab view when the pipeline runs in this host (docs/labs.md, the lab view).
        builder.Services.AddSingleton(context.Local);
        // Live results: ingestion's notifications pushed to the tree pages (docs/dashboard.md, "Live results").
        builder.Services.AddSingleton<LiveResults>();
        builder.Services.AddHostedService<LiveResultsListener>();
        // `/metrics` is both the metrics page and the listener's Prometheus endpoint: HTML requests get the page.
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Routing.MatcherPolicy, Web.Metrics.BrowserPagePolicy>());
    }

    public void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("Dashboard").AddEndpointFilter<DashboardErrorFilter>();
        api.MapTrees();
        api.MapTreeReport();
        api.MapCompare();
        api.MapHardware();
        api.MapIssues();
        api.MapBuilds();
        api.MapTests();
        api.MapStatusHistory();
        api.MapOrigins();
        api.MapTrackedRegressions();
        api.MapSearch();
        api.MapLogProxy();
        api.MapDashboardMetrics();
        api.MapGet("/schema", () => Results.Redirect("/openapi.json")).WithSummary("The OpenAPI description (upstream: /api/schema/)");
        app.MapSubscriptionForwarding(() => _notifications);
        app.MapWebPages();
    }
}
