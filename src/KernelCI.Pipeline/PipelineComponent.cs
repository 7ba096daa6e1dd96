using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline;

/// <summary>The pipeline on its own listener (base port + 2): the developer-request API, and every pipeline service
/// as a background service of the same process.</summary>
public sealed class PipelineComponent(PipelineOptions given, Action<IServiceCollection>? extraServices = null) : IComponent
{
    public string Name => "pipeline";

    public int PortOffset => 2;

    public IReadOnlyList<string> Secrets => [PipelineTokens.SecretName];

    public IReadOnlyList<Migration> Migrations => [];

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        // Loaded here so that an invalid configuration stops `serve` at start with the file and key named.
        var options = builder.AddComponentOptions("Pipeline", given, new PipelineOptionsValidator());
        var config = PipelineCore.LoadConfig(options);
        builder.Services.AddPipelineCore(options, config);
        extraServices?.Invoke(builder.Services);
        builder.Services.AddPipelineServices(options.Services);
        builder.Services.AddPipelineApi();
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapPipelineApi();
    }
}
