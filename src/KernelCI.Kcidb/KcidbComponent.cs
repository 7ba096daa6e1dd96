using KernelCI.Data;
using KernelCI.Kcidb.Ingestion;
using KernelCI.Kcidb.KnownIssues;
using KernelCI.Kcidb.Logs;
using KernelCI.Kcidb.Queries;
using KernelCI.Kcidb.Regressions;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Submissions;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Kcidb;

public sealed class KcidbComponent(KcidbOptions? options = null) : IComponent, IServiceCredentialIssuer, IPeerClient
{
    // Our own storage's addresses, which logs may always be read from besides Dashboard:ProxyAllowedHosts.
    private readonly List<Uri> _storage = [];

    public string Name => "kcidb";

    public int PortOffset => 3;

    public IReadOnlyList<string> Secrets => [SubmissionAuthenticator.SecretName];

    public IReadOnlyList<Migration> Migrations => KcidbMigrations.All;

    /// <summary>On the embedded SQLite default, KCIDB's own file (<see cref="KcidbSqliteFile"/>): its large ingestion
    /// transactions would otherwise hold back every other component's writes.</summary>
    public Task<Database> OpenDatabaseAsync(DatabaseChoice choice, CancellationToken cancellationToken) =>
        KcidbDatabase.ChooseAsync(choice, cancellationToken);

    /// <summary>Finds our storage, whose logs the result triage reads (docs/regressions.md, "Other origins' logs").</summary>
    public Task ConnectAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        LogFetcherServices.FindStorage(_storage, deployment);
        return Task.CompletedTask;
    }

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        var kcidbOptions = builder.AddComponentOptions("Kcidb", options, new KcidbOptionsValidator());
        // Submissions are megabytes of JSON: Kestrel's 4 KiB blocks made every body a long chain of small reads.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        builder.Services.AddSingleton(KcidbStore.Create(context.DatabaseFor(Name), context.TimeProvider, kcidbOptions.DashboardAggregates));
        var spool = new SubmissionSpool(Path.Combine(context.ComponentDirectory("kcidb"), "spool"));
        using (var process = System.Diagnostics.Process.GetCurrentProcess())
        {
            spool.RemoveAbandoned(process.StartTime.ToUniversalTime());
        }

        builder.Services.AddSingleton(spool);
        builder.Services.AddKcidbAuthentication();
        builder.Services.AddSingleton<KcidbMetrics>();
        builder.Services.AddSingleton<IngestionSignal>();
        builder.Services.AddSingleton(new Regressions.Feed.RegressionFeed(context.DatabaseFor(Name), context.TimeProvider));
        if (kcidbOptions.RunIngester)
        {
            builder.Services.AddHostedService<IngestionWorker>();
        }

        if (kcidbOptions.RunIngester && kcidbOptions.TrackRegressions)
        {
            // Where batches are committed, regressions follow them (docs/regressions.md).
            builder.Services.AddSingleton(sp => new RegressionTracker(context.DatabaseFor(Name), context.TimeProvider,
                sp.GetRequiredService<ILogger<RegressionTracker>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RegressionTracker>());
        }

        AddKnownIssues(builder, context, kcidbOptions);
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapSubmissions();
        app.MapKnownIssues();
        app.MapRegressionMarks();
        app.MapKcidbQueries();
        Regressions.Feed.RegressionFeedApi.MapRegressionFeed(app);
    }

    // Known issues, marks, and the triage of every origin's failed results after ingestion (docs/regressions.md).
    private void AddKnownIssues(WebApplicationBuilder builder, HostContext context, KcidbOptions kcidbOptions)
    {
        var limits = LogLimits.From(builder.Configuration);
        var origin = kcidbOptions.Origin ?? builder.Configuration["Pipeline:Origin"] ?? "maestro";
        builder.Services.AddSingleton(new KnownIssueSettings(origin, kcidbOptions.TriageOtherOrigins, kcidbOptions.KnownIssueBackfillDays));
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(new ProxyAllowlist(limits.AllowedHosts, _storage));
        builder.Services.AddLogFetcherClient();
        builder.Services.AddSingleton<LogReader>();
        builder.Services.AddSingleton(new KnownIssueStore(context.DatabaseFor(Name)));
        builder.Services.AddSingleton<OwnSubmission>();
        builder.Services.AddSingleton(sp => new RegressionMarks(context.DatabaseFor(Name), context.TimeProvider));
        builder.Services.AddSingleton(sp => new KnownIssueManager(sp.GetRequiredService<KnownIssueStore>(), sp.GetRequiredService<OwnSubmission>(),
            sp.GetRequiredService<KnownIssueSettings>(), context.TimeProvider, sp.GetRequiredService<ILogger<KnownIssueManager>>(),
            sp.GetService<ResultTriageWorker>()));
        if (kcidbOptions.RunIngester)
        {
            builder.Services.AddSingleton(sp => new ResultTriageWorker(context.DatabaseFor(Name), sp.GetRequiredService<KnownIssueStore>(),
                sp.GetRequiredService<LogReader>(), sp.GetRequiredService<OwnSubmission>(), sp.GetRequiredService<KnownIssueSettings>(),
                context.TimeProvider, sp.GetRequiredService<ILogger<ResultTriageWorker>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ResultTriageWorker>());
        }
    }

    /// <summary>A service account submits objects of its own origin only, with a token valid ten years.</summary>
    public Task<string> IssueServiceCredentialAsync(ServiceAccount account, HostContext context, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionAuthenticator.IssueToken(context.Secrets.Get(SubmissionAuthenticator.SecretName), account.Origin,
            admin: false, context.TimeProvider.GetUtcNow().AddYears(10)));
}
