using KernelCI.Data;
using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline;

/// <summary>The pipeline on its own listener: the developer-request API, and every pipeline service
/// as a background service of the same process. Under `serve` it is completed with its peers' URLs and credentials
/// (<see cref="PipelinePeers"/>) and loads its configuration once, before its listener is built.</summary>
public sealed class PipelineComponent(PipelineOptions? given = null, Action<IServiceCollection>? extraServices = null) : IComponent, IPeerClient
{
    private (PipelineOptions Options, PipelineConfig Config)? _connected;
    private HostContext? _context;

    public string Name => "pipeline";

    public int PortOffset => 2;

    public IReadOnlyList<string> Secrets => [PipelineTokens.SecretName];

    public IReadOnlyList<Migration> Migrations => [.. LavaCallbackMigrations.All, .. PullLabMigrations.All, .. Services.Patchwork.PatchworkMigrations.All,
        .. Services.Nipa.NipaMigrations.All];

    public async Task ConnectAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var options = given ?? deployment.Configuration.GetSection("Pipeline").Get<PipelineOptions>() ?? new PipelineOptions();
        var completed = await PipelinePeers.CompleteAsync(options, deployment, cancellationToken);
        var config = LoadConfig(completed);
        // Before any listener starts: a wrong lab is told in one line per problem, not in a failed host's stack trace.
        if (completed.Services.Count == 0 || completed.Services.Contains("scheduler"))
        {
            Runtimes.Lava.LavaLabCheck.ThrowIfInvalid(config, completed, new Runtimes.Lava.LavaSecrets(deployment.Context.Secrets));
        }

        Runtimes.PullLabs.PullLabCheck.ThrowIfInvalid(config);
        _connected = (completed, config);
    }

    public void ConfigureServices(WebApplicationBuilder builder, HostContext context)
    {
        var options = builder.AddComponentOptions("Pipeline", _connected?.Options ?? given, new PipelineOptionsValidator());
        builder.Services.AddPipelineCore(options, _connected?.Config ?? LoadConfig(options));
        extraServices?.Invoke(builder.Services);
        builder.Services.AddPipelineServices(options.Services);
        builder.Services.AddPipelineApi();
        builder.Services.AddLavaCallbacks(context.DatabaseFor(Name));
        builder.Services.AddPullLabs(context.DatabaseFor(Name));
        _context = context;
    }

    public void MapEndpoints(WebApplication app)
    {
        app.MapPipelineApi();
        app.MapLavaCallback();
        app.MapPullLabs();
        Services.Patchwork.PatchworkHealthApi.MapPatchworkHealth(app);
        // The dashboard of the same host shows the lab view from here (docs/labs.md, the lab view).
        _context?.Local.Publish(app.Services.GetRequiredService<ILabView>());
    }

    // An invalid configuration stops `serve` at start, with the file and key named.
    private static PipelineConfig LoadConfig(PipelineOptions options)
    {
        try
        {
            return PipelineCore.LoadConfig(options);
        }
        catch (PipelineConfigException e)
        {
            throw new OptionsValidationException("Pipeline", typeof(PipelineConfig), [$"pipeline configuration: {e.Message}"]);
        }
    }
}
