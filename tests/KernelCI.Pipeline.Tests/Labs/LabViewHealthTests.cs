using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults.Labs;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Labs;

/// <summary>Device health from the real LAVA 2023.01 lab of scripts/lava.sh (docs/labs.md), and a lab that is down.</summary>
public sealed class LabViewHealthTests
{
    [Fact]
    public async Task Lava_lab_reports_its_devices_by_health_as_its_rest_api_lists_them()
    {
        var lava = await LavaLab.GetAsync();
        await using var stack = await PipelineTestStack.StartAsync();
        var config = LabViewHost.Config(LabViewHost.Runtime("lava-real", url: lava.Url.ToString()));
        await using var services = LabViewHost.Services(stack, config,
            s => s.AddSingleton(new LavaSecrets(name => name == "lava-real.runtime_token" ? lava.RuntimeToken : null)));

        var lab = Assert.Single(await LabViewHost.LabsAsync(services), l => l.Name == "lava-real");

        Assert.Equal(LabHealth.Ok, lab.Health.Status);
        var type = Assert.Single(lab.DeviceTypes, t => t.Name == lava.DeviceType);
        Assert.Equal(await HealthOfAsync(lava), type.Devices);
    }

    [Fact]
    public async Task Lab_that_refuses_connections_is_unreachable_with_the_reason()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var config = LabViewHost.Config(LabViewHost.Runtime("lava-down", url: $"http://127.0.0.1:{ClosedPort()}/"));
        await using var services = LabViewHost.Services(stack, config);

        var lab = Assert.Single(await LabViewHost.LabsAsync(services), l => l.Name == "lava-down");

        Assert.Equal(LabHealth.Unreachable, lab.Health.Status);
        Assert.Contains("lava-down", lab.Health.Message, StringComparison.Ordinal);
        Assert.Empty(lab.DeviceTypes);
    }

    // What LAVA itself says, health by health, for the lab's device type.
    private static async Task<Dictionary<string, int>> HealthOfAsync(LavaLab lava)
    {
        using var http = new HttpClient { BaseAddress = lava.ApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", lava.RuntimeToken);
        var reply = JsonNode.Parse(await http.GetStringAsync($"devices/?device_type={lava.DeviceType}", TestContext.Current.CancellationToken))!;
        return reply["results"]!.AsArray().GroupBy(d => d!["health"]!.ToString()).ToDictionary(g => g.Key, g => g.Count());
    }

    private static int ClosedPort() => FreePort.BasePort();
}
