using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Labs;

/// <summary>The lab view's services over a test stack: labs from <see cref="Config"/> (a LAVA entry without url,
/// which the view cannot ask), plus whatever a test adds, and job nodes written to the stack's Maestro.</summary>
internal static class LabViewHost
{
    public const string Lab = "lava-mylab";

    public static PipelineConfig Config(params RuntimeConfig[] extra) => new()
    {
        Runtimes = new[] { Runtime(Lab) }.Concat(extra).ToDictionary(r => r.Name),
        Platforms = new Dictionary<string, PlatformConfig>
        {
            ["qemu-x86_64"] = new("qemu-x86_64", "x86_64", "qemu", "qemu", null, [], "qemu", [], [], Rules.None),
            ["bcm2711-rpi-4-b"] = new("bcm2711-rpi-4-b", "arm64", "u-boot", "broadcom", null, [], null, [], [], Rules.None),
        },
    };

    public static RuntimeConfig Runtime(string name, string labType = "lava", string? url = null) =>
        new(name, labType, Rules.None, url is null ? [] : new JsonObject { ["url"] = url });

    public static ServiceProvider Services(PipelineTestStack stack, PipelineConfig config, Action<IServiceCollection>? add = null) =>
        stack.Services(config, s =>
        {
            s.AddSingleton(new LavaSecrets(_ => null));
            add?.Invoke(s);
            s.AddLabView();
        });

    public static Task<IReadOnlyList<LabReport>> LabsAsync(ServiceProvider services) =>
        services.GetRequiredService<ILabView>().LabsAsync(TestContext.Current.CancellationToken);

    /// <summary>A job node of <paramref name="lab"/> on <paramref name="platform"/>, as the scheduler and the runtime leave it.</summary>
    public static Task<MaestroNode> JobAsync(PipelineTestStack stack, string state, string platform = "qemu-x86_64", string lab = Lab,
        JsonObject? data = null)
    {
        var fields = new JsonObject { ["runtime"] = lab, ["platform"] = platform };
        foreach (var (key, value) in data ?? [])
        {
            fields[key] = value?.DeepClone();
        }

        var name = "baseline-" + platform;
        return stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "job", Name = name, Path = ["checkout", name], State = state, Result = state == "done" ? "pass" : null, Data = fields,
        }, TestContext.Current.CancellationToken);
    }
}
