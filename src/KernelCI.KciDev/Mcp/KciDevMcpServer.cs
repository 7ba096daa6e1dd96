using KernelCI.Client.Dashboard;
using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using KernelCI.KciDev.Cli;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace KernelCI.KciDev.Mcp;

/// <summary>The MCP server's tools and the clients behind them, the same for every transport. Which tools are listed is
/// decided here, once, from <see cref="McpSettings"/>: without `api` no Maestro tools, without `pipeline` and `token`
/// no tool that starts work (kci-dev.md §2.3).</summary>
internal static class KciDevMcpServer
{
    public const string Instructions = """
        KernelCI from kci-dev: build, boot and test results, known issues, regressions and search from the KernelCI
        dashboard; Maestro nodes when configured; and, only when the configuration has a pipeline token, tools that
        retry jobs or start checkouts and patchsets. Start with list_trees (or search) to find a tree's giturl, branch
        and commit, then get_summary for an overview and regressions for what changed.
        """;

    /// <summary>The HTTP clients' timeouts: one budget per service, upstream's connect plus read time
    /// (kci-dev.md §3.1).</summary>
    private static readonly TimeSpan DashboardTimeout = TimeSpan.FromSeconds(70);
    private static readonly TimeSpan MaestroTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(60);

    public static IMcpServerBuilder AddKciDevMcp(this IServiceCollection services, McpSettings settings,
        Func<Uri, TimeSpan, HttpClient> httpClient, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton(new DashboardApiClient(httpClient(settings.DashboardApi, DashboardTimeout), time));
        var builder = services
            .AddMcpServer(options =>
            {
                options.ServerInfo = new Implementation { Name = "kci-dev", Version = KciDevVersion.Version };
                options.ServerInstructions = Instructions;
            })
            .WithRequestFilters(filters => filters.AddCallToolFilter(ToolErrors.Filter))
            .WithTools<TreeTools>()
            .WithTools<ResultTools>()
            .WithTools<DetailTools>()
            .WithTools<HardwareTools>()
            .WithTools<IssueTools>()
            .WithTools<SearchTools>()
            .WithTools<RegressionTools>();
        if (settings.Api is { } api)
        {
            // Maestro's routes are under /latest/ (kci-dev.md §9).
            services.AddSingleton(new MaestroClient(httpClient(new Uri(api, "latest/"), MaestroTimeout)));
            builder.WithTools<MaestroTools>();
        }

        if (settings.HasPipeline)
        {
            services.AddSingleton(new PipelineClient(httpClient(settings.Pipeline!, PipelineTimeout), settings.Token));
            builder.WithTools<PipelineTools>();
        }

        return builder;
    }
}
