using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Api;

/// <summary>Upstream's replies: `{message}` and, for created nodes, `{message, node}` (kci-dev prints node.id and
/// node.treeid).</summary>
internal static class ApiReply
{
    public static IResult Message(string message, int status = 200) =>
        Results.Text(new JsonObject { ["message"] = message }.ToJsonString(), "application/json", statusCode: status);

    public static IResult Node(string message, MaestroNode node) =>
        Results.Text(new JsonObject { ["message"] = message, ["node"] = JsonSerializer.SerializeToNode(node, MaestroJson.Options) }.ToJsonString(),
            "application/json");
}
