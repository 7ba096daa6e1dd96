using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Bench.Lava;

/// <summary>The nodes a LAVA job hangs from, as the scheduler leaves them: a checkout, a kbuild that passed, and a
/// running job of the lab (tests/KernelCI.Pipeline.Tests/Runtimes/Lava/Callback/CallbackHost.cs does the same).</summary>
internal static class BenchNodes
{
    public static JsonObject Revision() => new()
    {
        ["tree"] = "mainline", ["url"] = "https://git.kernel.org/linux.git", ["branch"] = "master",
        ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["describe"] = "v6.1",
    };

    public static async Task<MaestroNode> KbuildAsync(MaestroClient maestro, CancellationToken cancellationToken)
    {
        var checkout = await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
            Data = new JsonObject { ["kernel_revision"] = Revision() },
        }, cancellationToken);
        return await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild", Name = "kbuild-gcc-x86", Parent = checkout.Id, Path = ["checkout", "kbuild-gcc-x86"], State = "done", Result = "pass",
            Data = new JsonObject { ["kernel_revision"] = Revision(), ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig" },
        }, cancellationToken);
    }

    public static Task<MaestroNode> JobAsync(MaestroClient maestro, MaestroNode kbuild, string name, CancellationToken cancellationToken) =>
        maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "job", Name = name, Parent = kbuild.Id, Path = ["checkout", "kbuild-gcc-x86", name], Group = name,
            Data = new JsonObject
            {
                ["kernel_revision"] = Revision(), ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig",
                ["config_full"] = "tinyconfig", ["kernel_type"] = "bzimage", ["platform"] = "qemu", ["runtime"] = LavaDeployment.Lab, ["job_id"] = "1",
            },
            Treeid = "bench", Submitter = "service:pipeline",
        }, cancellationToken);
}
