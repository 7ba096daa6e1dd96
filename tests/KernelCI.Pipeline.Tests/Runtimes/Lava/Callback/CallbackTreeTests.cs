using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Runtimes.Lava.Callback;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class CallbackTreeTests
{
    private static MaestroNode Job(string? errorCode = null) => new()
    {
        Id = "0123456789abcdef01234567", Kind = "job", Name = "baseline-x86", Path = ["checkout", "kbuild", "baseline-x86"], State = "running",
        Artifacts = new Dictionary<string, string> { ["kernel"] = "https://files/bzImage" },
        Data = new JsonObject { ["platform"] = "qemu-x86_64", ["runtime"] = "lava-test", ["arch"] = "x86_64", ["job_id"] = "3", ["error_code"] = errorCode },
    };

    private static CallbackOutcome Outcome(string result, string? code = null) =>
        new(result, code, code is null ? null : "why", [new CallbackNode("smoke", "job", "pass", [CallbackNode.Test("uname", "pass")])],
            new Dictionary<string, string>());

    [Fact]
    public void A_stale_node_timeout_is_cleared_by_a_result()
    {
        var tree = CallbackTree.Build(Job("node_timeout"), Outcome("pass"), "qemu01", new Dictionary<string, string>());
        Assert.Null(tree.Node.Data["error_code"]);
        Assert.Equal(("done", "pass", "qemu01"), (tree.Node.State, tree.Node.Result, tree.Node.Data["device"]!.GetValue<string>()));
    }

    [Fact]
    public void The_root_keeps_its_artifacts_and_gains_the_callbacks()
    {
        var tree = CallbackTree.Build(Job(), Outcome("pass"), null, new Dictionary<string, string> { ["lava_log"] = "https://files/log.txt.gz" });
        Assert.Equal(["kernel", "lava_log"], tree.Node.Artifacts.Keys.Order(StringComparer.Ordinal));
        Assert.False(tree.Node.ProcessedByKcidbBridge);
    }

    [Fact]
    public void Children_inherit_platform_and_runtime_with_the_jobs_group_and_their_path()
    {
        var leaf = CallbackTree.Build(Job(), Outcome("pass"), null, new Dictionary<string, string>()).ChildNodes[0].ChildNodes[0].Node;
        Assert.Equal(("baseline-x86", "checkout/kbuild/baseline-x86/smoke/uname", "test", "done"),
            (leaf.Group, string.Join('/', leaf.Path), leaf.Kind, leaf.State));
        Assert.Equal(["arch", "platform", "runtime"], leaf.Data.Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
