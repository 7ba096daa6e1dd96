using KernelCI.Data;
using KernelCI.Kcidb.Ingestion;
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

namespace KernelCI.Kcidb;

public sealed class KcidbComponent(KcidbOptions? options = null) : IComponent, IServiceCredentialIssuer
{
    public string Name => "kcidb";

    public int PortOffset => 3;

    public IReadOnlyList<string> Secrets => [SubmissionAuthenticator.SecretName];

    public IReadOnlyList<Migration> Migrations => KcidbMigrations.All;

    /// <summary>On the embedded SQLite default, KCIDB's own file (<see cref="KcidbSqliteFile"/>): its large ingestion
    /// transactions would otherwise hold back every other component's writes.</summary>
    public Task<Database> OpenDatabaseAsync(DatabaseChoice choice, CancellationToken cancellationToken) =>
        KcidbDatabase.ChooseAsync(choice, cancellationToken);

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
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RegressionTracker>>()));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RegressionTracker>());
        }
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapSubmissions();
        app.MapKcidbQueries();
        Regressions.Feed.RegressionFeedApi.MapRegressionFeed(app);
    }

    /// <summary>A service account submits objects of its own origin only, with a token valid ten years.</summary>
    public Task<string> IssueServiceCredentialAsync(ServiceAccount account, HostContext context, CancellationToken cancellationToken) =>
        Task.FromResult(SubmissionAuthenticator.IssueToken(context.Secrets.Get(SubmissionAuthenticator.SecretName), account.Origin,
            admin: false, context.TimeProvider.GetUtcNow().AddYears(10)));
}
