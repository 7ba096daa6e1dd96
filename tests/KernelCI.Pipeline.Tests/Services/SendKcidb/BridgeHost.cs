using KernelCI.Pipeline.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

/// <summary>Runs send-kcidb against a test stack with a chosen sweep interval.</summary>
internal static class BridgeHost
{
    public static async Task<IHost> StartAsync(PipelineTestStack stack, TimeSpan sweepInterval, TimeProvider? timeProvider = null)
    {
        // The service subscribes in the background; subscribing first under its durable id makes sure that events of
        // nodes the test creates right after start are kept for it.
        await stack.Maestro.SubscribeAsync("node", $"{stack.Options.Instance}:send-kcidb", promiscuous: true);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(timeProvider ?? TimeProvider.System);
        builder.Services.AddPipelineCore(stack.Options, BridgeNodes.Config);
        builder.Services.AddSingleton(new BridgeOptions { SweepInterval = sweepInterval });
        builder.Services.AddPipelineServices(["send-kcidb"]);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
