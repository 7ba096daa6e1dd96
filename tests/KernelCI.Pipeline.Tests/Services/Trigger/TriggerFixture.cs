using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Pipeline.Services.Trigger;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Trigger;

internal static class TriggerFixture
{
    public static PipelineConfig TreesConfig(params (string Tree, string Url, string Branch, TimeSpan? Frequency)[] trees) => new()
    {
        Trees = trees.ToDictionary(t => t.Tree, t => new TreeConfig(t.Tree, t.Url)),
        BuildConfigs = trees.ToDictionary(t => t.Tree + "-" + t.Branch, t => new BuildConfig(t.Tree + "-" + t.Branch, t.Tree, t.Branch, Frequency: t.Frequency)),
    };

    public static CheckoutTrigger NewTrigger(PipelineTestStack stack, PipelineConfig config, TriggerOptions? options = null) =>
        stack.Services(config, services =>
        {
            services.AddSingleton(options ?? new TriggerOptions());
            services.AddSingleton(new GitRunner());
            services.AddSingleton(new NipaBranches(new HttpClient()));
            services.AddSingleton<CheckoutTrigger>();
        }).GetRequiredService<CheckoutTrigger>();

    public static async Task<IReadOnlyList<MaestroNode>> CheckoutsAsync(PipelineTestStack stack) =>
        await stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout"));
}
