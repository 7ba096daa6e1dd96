using KernelCI.Data;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.Hosting;

/// <summary>A component served on its own listener: upstream clients expect each at its own base URL.</summary>
public interface IComponent
{
    /// <summary>Short name, used in logs, metrics and `serve --only`.</summary>
    string Name { get; }

    /// <summary>Offset from the base port: dashboard 0, Maestro 1, pipeline 2, KCIDB 3, storage 4.</summary>
    int PortOffset { get; }

    /// <summary>Schema steps applied at start, before any listener opens.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    void ConfigureServices(WebApplicationBuilder builder, HostContext context);

    void MapEndpoints(WebApplication app);
}
