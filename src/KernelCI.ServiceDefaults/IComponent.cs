using KernelCI.Data;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.ServiceDefaults;

/// <summary>A component served on its own listener: upstream clients expect each at its own base URL. `serve` builds
/// each one the same way (docs/architecture.md, how the pieces meet): it chooses the component's database, applies its
/// migrations, then builds its WebApplication with <see cref="ComponentApp.Build"/>.</summary>
public interface IComponent
{
    /// <summary>Short name, used in logs, metrics and `serve --only`.</summary>
    string Name { get; }

    /// <summary>Offset of its listener from the base port; peers find it there (<see cref="Deployment.UrlOf"/>).</summary>
    int PortOffset { get; }

    /// <summary>Names of the data folder's secrets the component signs or checks tokens with. `serve` creates all of
    /// them at start, so a token command run beside it, before or after, signs with the same secret.</summary>
    IReadOnlyList<string> Secrets { get; }

    /// <summary>Schema steps applied at start, before any listener opens.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>The database the component's migrations and data go to: the deployment's shared one unless the
    /// component chooses one of its own (KCIDB's own SQLite file on the embedded default).</summary>
    Task<Database> OpenDatabaseAsync(DatabaseChoice choice, CancellationToken cancellationToken) => Task.FromResult(choice.Shared);

    /// <summary>Binds its options (<see cref="ComponentOptions.AddComponentOptions"/>) and registers its services.</summary>
    void ConfigureServices(WebApplicationBuilder builder, HostContext context);

    /// <summary>Its own middleware, after the shared exception handler and before its endpoints.</summary>
    void UseMiddleware(WebApplication app)
    {
    }

    void MapEndpoints(WebApplication app);
}
