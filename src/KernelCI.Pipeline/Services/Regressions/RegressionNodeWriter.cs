using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.Regressions;

/// <summary>Makes a KCIDB regression a Maestro `regression` node (maestro-api.md §2.2): `result` fail while it is open,
/// pass once fixed, closed, invalid or removed. For our own origin the KCIDB result ids are `ORIGIN:NODEID`
/// (send-kcidb's mapping), so `fail_node`, `pass_node` and `node_sequence` name our test nodes and the build fields come
/// from the failing node; another origin's regression has them empty and its KCIDB ids only in `data.kcidb`. One node
/// per regression, found again by `data.kcidb_regression`, so applying a change twice writes the same node.</summary>
internal sealed class RegressionNodeWriter(MaestroClient maestro, PipelineOptions options)
{
    public const string IdField = "kcidb_regression";

    public async Task<MaestroNode?> FindAsync(string regressionId, CancellationToken cancellationToken) =>
        (await maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "regression").Where("data." + IdField, regressionId).Limit(1),
            cancellationToken)).FirstOrDefault();

    /// <summary>The node written, or null for a removed regression that never had one.</summary>
    public async Task<MaestroNode?> ApplyAsync(KcidbRegressionChange change, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(change.Id, cancellationToken);
        if (change.Regression is not { } regression)
        {
            if (existing is null)
            {
                return null;
            }

            var data = existing.Data.DeepClone().AsObject();
            if (data["kcidb"] is JsonObject kcidb)
            {
                kcidb["state"] = "removed";
            }

            return await maestro.UpdateNodeAsync(existing with { Result = "pass", Data = data }, cancellationToken: cancellationToken);
        }

        var node = await BuildAsync(regression, cancellationToken);
        return existing is null
            ? await maestro.CreateNodeAsync(node, cancellationToken)
            : await maestro.UpdateNodeAsync(node with { Id = existing.Id, Created = existing.Created }, cancellationToken: cancellationToken);
    }

    /// <summary>Our own node id behind a KCIDB id of our origin, else null. Results submitted to KCIDB under our origin
    /// by anything but send-kcidb need not name a node: only a Maestro ObjectId (24 hex digits) is taken as one.</summary>
    public string? OwnNodeId(string kcidbId) =>
        kcidbId.StartsWith(options.Origin + ":", StringComparison.Ordinal)
            && kcidbId[(options.Origin.Length + 1)..] is { Length: 24 } id && id.All(char.IsAsciiHexDigit) ? id : null;

    private async Task<MaestroNode> BuildAsync(KcidbRegression regression, CancellationToken cancellationToken)
    {
        var ours = regression.Origin == options.Origin;
        var failId = ours ? OwnNodeId(regression.FirstBadResult) : null;
        var failNode = failId is null ? null : await maestro.GetNodeAsync(failId, cancellationToken);
        var data = new JsonObject
        {
            ["fail_node"] = failNode?.Id,
            ["pass_node"] = failNode is null ? null : OwnNodeId(regression.LastGoodResult),
            ["node_sequence"] = new JsonArray([.. (failNode is null ? [] : regression.Failures.Select(OwnNodeId).OfType<string>())
                .Select(id => (JsonNode?)JsonValue.Create(id))]),
            ["arch"] = Text(failNode, "arch") ?? regression.Architecture,
            ["defconfig"] = Text(failNode, "defconfig") ?? regression.ConfigName,
            ["config_full"] = Text(failNode, "config_full") ?? regression.ConfigName,
            ["compiler"] = Text(failNode, "compiler") ?? regression.Compiler,
            ["platform"] = Text(failNode, "platform") ?? regression.Platform,
            [IdField] = regression.Id,
            ["kcidb"] = JsonSerializer.SerializeToNode(regression),
        };
        if (Text(failNode, "device") is { } device)
        {
            data["device"] = device;
        }

        if (failNode?.Data["kernel_revision"] is JsonObject revision)
        {
            data["failed_kernel_revision"] = revision.DeepClone();
        }

        var name = failNode?.Name ?? (regression.Kind == "build" ? "build" : regression.Path.Split('.')[^1]);
        return new MaestroNode
        {
            Kind = "regression",
            Name = name,
            Path = failNode?.Path ?? ["checkout", .. regression.Kind == "build" ? ["build"] : regression.Path.Split('.')],
            Group = failNode?.Group,
            State = "done",
            Result = regression.State == "open" ? "fail" : "pass",
            Data = data,
            Submitter = "service:pipeline",
        };
    }

    private static string? Text(MaestroNode? node, string field) =>
        node?.Data[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
