using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Services.Patchwork;
using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Services.SendKcidb;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

public sealed class PatchworkHealthTests
{
    [Fact]
    public async Task Project_without_a_token_shows_failing_on_the_pipeline_listener_while_the_api_serves()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        var project = new PatchworkProject { Url = "https://patchwork.example.invalid", Project = "netdevbpf", Tree = "mainline", Branch = "master" };
        await using var host = await PipelineComponentHost.StartAsync(stack, o => o with
        {
            Services = ["send-kcidb", "patchwork"],
            Patchwork = new PatchworkOptions { Projects = [project] },
        });

        JsonNode? reply = null;
        var failing = await Eventually.UntilAsync(async () =>
        {
            using var response = await host.Http.GetAsync("health/patchwork", TestContext.Current.CancellationToken);
            reply = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return response.StatusCode == HttpStatusCode.ServiceUnavailable;
        });

        Assert.True(failing, reply?.ToJsonString());
        Assert.Equal("failing", (string?)reply!["projects"]![0]!["state"]);
        Assert.Contains("no API token: the data folder's secrets.json has no 'patchwork-netdevbpf'", (string?)reply["projects"]![0]!["error"]);
        Assert.Equal("OK", await host.Http.GetStringAsync("health", TestContext.Current.CancellationToken));
    }
}
