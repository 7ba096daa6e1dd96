using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KernelCI.Pipeline;

/// <summary>What every pipeline service shares: options, the loaded configuration and the clients of the other
/// components. Services talk to Maestro, storage and KCIDB only through these clients.</summary>
public static class PipelineCore
{
    /// <summary>Registers the shared pieces; <paramref name="config"/> is loaded (and validated) by the caller at start.
    /// Invalid <paramref name="options"/> throw <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>.</summary>
    public static IServiceCollection AddPipelineCore(this IServiceCollection services, PipelineOptions options, PipelineConfig config)
    {
        // Checked here too (the component checks through AddComponentOptions) for hosts without a component.
        PipelineOptionsValidator.ThrowIfInvalid(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.AddSingleton(config);
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.AddSingleton<Retry>();
        services.AddSingleton<EventLoop>();
        services.AddSingleton(_ => new MaestroClient(Http(Require(options.MaestroUrl, "MaestroUrl"), TimeSpan.FromMinutes(2)), options.MaestroToken));
        services.AddSingleton(sp => new StorageClient(Http(Require(options.StorageUrl, "StorageUrl"), System.Threading.Timeout.InfiniteTimeSpan),
            options.StorageToken ?? "", timeProvider: sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(_ => new KcidbClient(Http(Require(options.KcidbUrl, "KcidbUrl"), TimeSpan.FromMinutes(10)), options.KcidbToken ?? ""));
        services.AddSingleton(new PublicUrls(options.StorageUrl ?? ""));
        // Built here, not on first use, so that an invalid Pipeline:Git stops the host at start.
        services.AddSingleton(new Git.GitUrlPolicy(options.Git, config));
        return services;
    }

    /// <summary>Loads the configuration named by the options; no directory means an empty configuration.</summary>
    public static PipelineConfig LoadConfig(PipelineOptions options) =>
        options.ConfigDirectory is null ? new PipelineConfig() : PipelineConfigLoader.Load(options.ConfigDirectory);

    /// <summary>Adds the hosted services named in <paramref name="names"/> (all when empty).</summary>
    public static IServiceCollection AddPipelineServices(this IServiceCollection services, IReadOnlyList<string> names)
    {
        foreach (var name in names.Count == 0 ? PipelineServices.All.Keys : names)
        {
            if (!PipelineServices.All.TryGetValue(name, out var add))
            {
                throw new ArgumentException($"unknown pipeline service '{name}'; known: {string.Join(", ", PipelineServices.All.Keys)}", nameof(names));
            }

            add(services);
        }

        return services;
    }

    private static string Require(string? url, string name) =>
        url ?? throw new InvalidOperationException($"Pipeline:{name} is not set");

    private static HttpClient Http(string baseUrl, TimeSpan timeout) =>
        new() { BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), Timeout = timeout };
}
