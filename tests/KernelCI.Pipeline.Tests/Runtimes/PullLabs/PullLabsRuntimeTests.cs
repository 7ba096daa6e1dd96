using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.PullLabs;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class PullLabsRuntimeTests
{
    private static async Task<(JsonObject Document, KernelCI.Client.Maestro.MaestroNode Node)> QueueAsync()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PullHost.StartAsync(stack);
        var node = await host.QueueAsync(artifacts: new Dictionary<string, string> { ["kernel"] = "http://k/bzImage", ["modules"] = "http://k/modules.tar.xz" });
        using var http = new HttpClient();
        var document = JsonNode.Parse(await http.GetStringAsync(node.Artifacts[PullLabsRuntime.DefinitionArtifact], TestContext.Current.CancellationToken))!.AsObject();
        return (document, node);
    }

    [Fact]
    public async Task A_queued_job_is_available_with_its_document_as_an_artifact()
    {
        var (_, node) = await QueueAsync();

        Assert.Equal("available", node.State);
        Assert.Equal(node.Id, node.Data["job_id"]!.ToString());
        Assert.Contains($"pull_labs_jobs/", node.Artifacts[PullLabsRuntime.DefinitionArtifact], StringComparison.Ordinal);
        Assert.EndsWith($"/{node.Id}.json", node.Artifacts[PullLabsRuntime.DefinitionArtifact], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_job_records_when_it_was_queued_for_the_lab_view()
    {
        var before = DateTimeOffset.UtcNow;

        var (_, node) = await QueueAsync();

        var queued = DateTimeOffset.Parse(node.Data[KernelCI.Pipeline.Labs.JobTimes.SubmittedAt]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(queued, before.AddSeconds(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_document_has_upstreams_artifacts_tests_environment_and_callback()
    {
        var (document, node) = await QueueAsync();

        Assert.Equal(["artifacts", "tests", "environment", "callback"], document.Select(p => p.Key));
        Assert.Equal(["kernel", "modules", "kselftest", "rootfs", "ramdisk", "dtb"], document["artifacts"]!.AsObject().Select(p => p.Key));
        Assert.Equal("http://k/bzImage", document["artifacts"]!["kernel"]!.ToString());
        Assert.Null(document["artifacts"]!["dtb"]);
        var test = Assert.Single(document["tests"]!.AsArray())!;
        Assert.Equal(("baseline-x86", "boot", 300), (test["id"]!.ToString(), test["type"]!.ToString(), test["timeout_s"]!.GetValue<int>()));
        Assert.Equal(("qemu-x86_64", "x86_64", "ttyS0"),
            (document["environment"]!["platform"]!.ToString(), document["environment"]!["arch"]!.ToString(), document["environment"]!["console"]!.ToString()));
        Assert.Equal("pull-a.callback_token", document["callback"]!["token_name"]!.ToString());
        Assert.DoesNotContain(PullHost.Token, document.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(node.Id);
    }
}
