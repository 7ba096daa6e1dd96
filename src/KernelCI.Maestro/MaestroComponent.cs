using KernelCI.Data;
using KernelCI.Maestro.Events;
using KernelCI.Maestro.Events.Delivery;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.Subscriptions;
using KernelCI.Maestro.Events.WakeUps;
using KernelCI.Maestro.Nodes;
using KernelCI.Maestro.Users;
using KernelCI.Maestro.Users.Auth;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro;

public sealed class MaestroComponent(MaestroOptions? options = null) : IComponent, IServiceCredentialIssuer
{
    public string Name => "maestro";

    public int PortOffset => 1;

    public IReadOnlyList<string> Secrets => [UserTokens.SecretName];

    public IReadOnlyList<Migration> Migrations => MaestroMigrations.All;

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        builder.AddComponentOptions("Maestro", options, new MaestroOptionsValidator());
        builder.Services.AddSingleton<MaestroMetrics>();
        builder.Services.AddSingleton<ListenerCount>();
        builder.Services.AddSingleton<NodeStore>();
        builder.Services.AddSingleton<NodeService>();
        builder.Services.AddSingleton<NodeCreateQueue>();
        builder.Services.AddSingleton<NodeCreateWriter>();
        builder.Services.AddSingleton<NodeHierarchy>();
        builder.Services.AddSingleton<NodeBatch>();
        builder.Services.AddSingleton<EventStore>();
        builder.Services.AddSingleton<RecentEvents>();
        builder.Services.AddSingleton(sp => new EventPositions(sp.GetService<EventSequencer>()));
        builder.Services.AddSingleton<EventSignal>();
        builder.Services.AddSingleton<AppendSignal>();
        builder.Services.AddSingleton<EventsCommitted>();
        builder.Services.AddSingleton<SubscriptionStore>();
        builder.Services.AddSingleton<CursorAdvancer>();
        builder.Services.AddSingleton<QuietCursors>();
        builder.Services.AddSingleton<EventListener>();
        builder.Services.AddSingleton<EventStream>();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<GroupStore>();
        builder.Services.AddMaestroAuthentication();
        builder.Services.AddHostedService<SubscriptionReaper>();
        if (context.Database.Kind == DatabaseKind.PostgreSql)
        {
            builder.Services.AddHostedService<PostgresWakeups>();
            builder.Services.AddSingleton<EventSequencer>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<EventSequencer>());
        }
    }

    public void UseMiddleware(WebApplication app)
    {
        app.UseMaestroMiddleware();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Json(new { message = "KernelCI API" }));
        app.MapNodes();
        app.MapEvents();
        app.MapUsers();
    }

    /// <summary>A service account is an admin user, as upstream's pipeline user: it writes every node and publishes on
    /// the retry channel. Made if missing; its token is valid ten years.</summary>
    public async Task<string> IssueServiceCredentialAsync(ServiceAccount account, HostContext context, CancellationToken cancellationToken)
    {
        var database = context.DatabaseFor(Name);
        await UserAdmin.AddAsync(database, account.Name, admin: true, [], password: null, cancellationToken);
        return await UserAdmin.TokenAsync(database, context.Secrets.Get(UserTokens.SecretName), account.Name, TimeSpan.FromDays(3650), cancellationToken)
            ?? throw new InvalidOperationException($"user {account.Name} vanished while its token was made");
    }
}
