using KernelCI.Data;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.ServiceDefaults;

/// <summary>A component served on its own listener: upstream clients expect each at its own base URL.</summary>
public interface IComponent
{
    /// <summary>Short name, used in logs, metrics and `serve --only`.</summary>
    string Name { get; }

    /// <summary>Offset from the base port: dashboard 0, Maestro 1, pipeline 2, KCIDB 3, storage 4.</summary>
    int PortOffset { get; }

    /// <summary>Names of the data folder's secrets the component signs or checks tokens with. `serve` creates all of
    /// them at start, so a token command run beside it, before or after, signs with the same secret.</summary>
    IReadOnlyList<string> Secrets { get; }

    /// <summary>Schema steps applied at start, before any listener opens.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    void ConfigureServices(WebApplicationBuilder builder, HostContext context);

    void MapEndpoints(WebApplication app);
}
