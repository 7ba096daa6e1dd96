using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Scheduler;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

public sealed class RuleEvaluatorTests
{
    /// <summary>The parent a job is scheduled for: a kbuild of mainline/master 6.8 with arch, defconfig and fragments.</summary>
    private static RuleContext Context(string tree = "mainline", string branch = "master", int version = 6, int patchlevel = 8) => new(
    [
        JsonNode.Parse("""{"kind": "job", "name": "baseline", "data": {"platform": "qemu-x86_64", "runtime": "qemu-lab"}}""")!.AsObject(),
        JsonNode.Parse("""{"kind": "kbuild", "name": "kbuild-gcc-x86", "data": {"arch": "x86_64", "defconfig": "x86_64_defconfig", "fragments": ["kselftest", "lab-setup"]}}""")!.AsObject(),
        new JsonObject
        {
            ["kind"] = "checkout",
            ["name"] = "checkout",
            ["data"] = new JsonObject
            {
                ["architecture_filter"] = new JsonArray("x86_64"),
                ["kernel_revision"] = new JsonObject
                {
                    ["tree"] = tree, ["branch"] = branch, ["version"] = new JsonObject { ["version"] = version, ["patchlevel"] = patchlevel },
                },
            },
        },
    ]);

    private static Rules Rules(string json) => new(JsonNode.Parse(json)!.AsObject());

    [Theory]
    [InlineData("""{}""", true)]
    [InlineData("""{"tree": ["mainline", "next"]}""", true)]
    [InlineData("""{"tree": ["next"]}""", false)]
    [InlineData("""{"tree": "mainline"}""", true)]
    [InlineData("""{"tree": ["!mainline"]}""", false)]
    [InlineData("""{"tree": ["!android"]}""", true)]
    [InlineData("""{"tree": ["mainline:master"]}""", true)]
    [InlineData("""{"tree": ["mainline:other"]}""", false)]
    [InlineData("""{"tree": ["!mainline:master", "mainline"]}""", false)]
    [InlineData("""{"tree": ["mainline:master", "!mainline"]}""", true)]
    [InlineData("""{"tree": ["next:master", "mainline"]}""", true)]
    [InlineData("""{"tree": ["!next:master"]}""", true)]
    [InlineData("""{"branch": ["master"]}""", true)]
    [InlineData("""{"branch": ["!master"]}""", false)]
    [InlineData("""{"branch": ["for-next"]}""", false)]
    [InlineData("""{"tree": ["mainline"], "branch": ["!master"]}""", false)]
    public void Tree_and_branch_rules(string rules, bool allowed) =>
        Assert.Equal(allowed, RuleEvaluator.Allows(Rules(rules), Context()));

    [Theory]
    [InlineData("""{"min_version": {"version": 6, "patchlevel": 7}}""", true)]
    [InlineData("""{"min_version": {"version": 6, "patchlevel": 8}}""", true)]
    [InlineData("""{"min_version": {"version": 6, "patchlevel": 9}}""", false)]
    [InlineData("""{"min_version": {"version": 7}}""", false)]
    [InlineData("""{"max_version": {"version": 6, "patchlevel": 8}}""", true)]
    [InlineData("""{"max_version": {"version": 5, "patchlevel": 15}}""", false)]
    [InlineData("""{"min_version": {"version": 5, "patchlevel": 10}, "max_version": {"version": 6, "patchlevel": 1}}""", false)]
    public void Version_rules(string rules, bool allowed) =>
        Assert.Equal(allowed, RuleEvaluator.Allows(Rules(rules), Context()));

    [Theory]
    [InlineData("""{"arch": ["x86_64", "arm64"]}""", true)]
    [InlineData("""{"arch": ["arm64"]}""", false)]
    [InlineData("""{"arch": ["!x86_64"]}""", false)]
    [InlineData("""{"arch": ["!arm"]}""", true)]
    [InlineData("""{"defconfig": "x86_64_defconfig"}""", true)]
    [InlineData("""{"platform": ["qemu-x86_64"]}""", true)]
    [InlineData("""{"platform": ["!qemu-x86_64"]}""", false)]
    [InlineData("""{"runtime": ["lava-collabora"]}""", false)]
    [InlineData("""{"fragments": ["kselftest"]}""", true)]
    [InlineData("""{"fragments": ["kselftest", "!lab-setup"]}""", false)]
    [InlineData("""{"fragments": ["!debug"]}""", true)]
    [InlineData("""{"fragments": ["debug"]}""", false)]
    [InlineData("""{"compiler": ["clang-21"]}""", false)]
    [InlineData("""{"compiler": ["!clang-21"]}""", true)]
    [InlineData("""{"architecture_filter": ["x86_64"]}""", true)]
    public void Generic_rules_look_in_the_node_then_its_ancestors(string rules, bool allowed) =>
        Assert.Equal(allowed, RuleEvaluator.Allows(Rules(rules), Context()));

    [Fact]
    public void Nearest_node_wins_for_a_key_found_on_several()
    {
        var context = new RuleContext(
        [
            JsonNode.Parse("""{"data": {"arch": "arm64"}}""")!.AsObject(),
            JsonNode.Parse("""{"data": {"arch": "x86_64"}}""")!.AsObject(),
        ]);

        Assert.False(RuleEvaluator.Allows(Rules("""{"arch": ["x86_64"]}"""), context));
    }
}
