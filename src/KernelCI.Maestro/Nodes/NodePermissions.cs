using System.Text.Json.Nodes;
using KernelCI.Maestro.Users;

namespace KernelCI.Maestro.Nodes;

/// <summary>Who may edit a node (docs/maestro.md "Nodes"; upstream's `_user_can_edit_node`,
/// kernelci/kernelci-api:api/main.py).</summary>
internal static class NodePermissions
{
    public const string EditAny = "node:edit:any";

    public static bool CanEdit(MaestroUser user, JsonObject node)
    {
        if (user.IsSuperuser || user.InGroup(EditAny) || user.Holds(node["owner"]?.GetValue<string>()))
        {
            return true;
        }

        if (node["user_groups"] is JsonArray groups && groups.Any(g => g is not null && user.InGroup(g.GetValue<string>())))
        {
            return true;
        }

        var runtime = node["data"]?["runtime"] is JsonValue value && value.TryGetValue<string>(out var r) ? r : null;
        return runtime is not null && (user.InGroup($"runtime:{runtime}:node-editor") || user.InGroup($"runtime:{runtime}:node-admin"));
    }

    public static void RequireEdit(MaestroUser user, JsonObject node)
    {
        if (!CanEdit(user, node))
        {
            throw new MaestroException(401, "Unauthorized to complete the operation");
        }
    }
}
