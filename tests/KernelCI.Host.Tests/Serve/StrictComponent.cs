using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.Host.Tests.Serve;

/// <summary>A component whose options section "Strict" must set a positive Limit and a Name.</summary>
internal sealed class StrictComponent : IComponent
{
    public string Name => "strict";

    public int PortOffset => 0;

    public IReadOnlyList<string> Secrets => [];

    public IReadOnlyList<Migration> Migrations => [];

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context) =>
        builder.AddComponentOptions("Strict", null, new StrictOptionsValidator());

    public void MapEndpoints(WebApplication app)
    {
    }
}
