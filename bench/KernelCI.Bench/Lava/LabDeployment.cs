using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Bench.Lava;

/// <summary>A deployment whose pipeline submits to <see cref="LabTarget"/>, with the lab's tokens in the data folder's
/// secrets, its callback URL on the pipeline listener, only <c>services</c> running, and its LAVA events on the
/// returned clock. The console shows warnings only.</summary>
internal static class LabDeployment
{
    public static async Task<(LavaDeployment Deployment, EventClock Clock)> StartAsync(string root, LabTarget lab,
        IReadOnlyList<(string Name, string DeviceType)> platforms, string ramdisk, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        var basePort = KernelCI.Testing.FreePort.BasePort();
        var config = LabConfig.WriteLab(root, lab.Url, lab.CallbackTokenDescription, platforms, ramdisk);
        var settings = new JsonObject
        {
            ["Logging"] = new JsonObject
            {
                ["LogLevel"] = new JsonObject { ["Default"] = "Warning", ["KernelCI.Pipeline.Runtimes.Lava"] = "Information" },
                ["Console"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Warning" } },
            },
            ["Pipeline"] = new JsonObject
            {
                ["InstanceCallback"] = $"http://127.0.0.1:{LavaDeployment.PipelinePort(basePort)}",
                ["Services"] = new JsonArray([.. services.Select(s => (JsonNode)s)]),
            },
        };
        var clock = new EventClock();
        var secrets = new Dictionary<string, string>
        {
            [LavaDeployment.Lab + ".runtime_token"] = lab.RuntimeToken,
            [LavaDeployment.Lab + ".callback_token"] = lab.CallbackToken,
        };
        var deployment = await LavaDeployment.StartAsync(root, basePort, null, config, secrets, settings.ToJsonString(), cancellationToken,
            s => s.AddSingleton<ILoggerProvider>(clock));
        return (deployment, clock);
    }
}
