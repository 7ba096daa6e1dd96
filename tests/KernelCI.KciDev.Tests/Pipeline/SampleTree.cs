using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>A tree as the pipeline makes it (checkout → kbuild-gcc-x86 → baseline-x86 → its test `login`), written
/// straight into Maestro so that tests decide every state change.</summary>
internal sealed class SampleTree(MaestroClient maestro, string treeId)
{
    public const string Kbuild = "kbuild-gcc-x86";
    public const string Job = "baseline-x86";
    public const string Test = "login";

    public string TreeId => treeId;

    public MaestroNode? Checkout { get; private set; }

    public MaestroNode? Build { get; private set; }

    public MaestroNode? Boot { get; private set; }

    public async Task<MaestroNode> CheckoutAsync(string name = "checkout", string state = "running", string? result = null) =>
        Checkout = await maestro.CreateNodeAsync(Node("checkout", name, null, state, result), Ct);

    public async Task<MaestroNode> BuildAsync(string state = "running", string? result = null) =>
        Build = await maestro.CreateNodeAsync(Node("kbuild", Kbuild, Checkout, state, result), Ct);

    public async Task<MaestroNode> BootAsync(string state = "running", string? result = null) =>
        Boot = await maestro.CreateNodeAsync(Node("job", Job, Build, state, result), Ct);

    public Task SetAsync(MaestroNode node, string state, string? result) =>
        maestro.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = state, ["result"] = result }, cancellationToken: Ct);

    /// <summary>The job done with its test result, in one hierarchy write (one event, for the job), as the QEMU lab writes it.</summary>
    public Task FinishBootAsync(string jobResult, string? testResult) =>
        maestro.PutTreeAsync(Boot!.Id!, new NodeTree(Boot with { State = "done", Result = jobResult },
            testResult is null ? [] : [new NodeTree(Node("test", Test, Boot, "done", testResult), [])]), Ct);

    private MaestroNode Node(string kind, string name, MaestroNode? parent, string state, string? result) => new()
    {
        Kind = kind,
        Name = name,
        Parent = parent?.Id,
        Path = [.. parent?.Path ?? [], name],
        State = state,
        Result = result,
        Treeid = treeId,
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject
            {
                ["tree"] = "local", ["url"] = PipelineServers.TreeUrl, ["branch"] = "main", ["commit"] = new string('a', 40),
            },
        },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
