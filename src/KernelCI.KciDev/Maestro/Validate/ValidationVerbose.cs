using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>`--verbose`: the missing node IDs of each checkout, before the result (upstream prints the whole items).</summary>
internal static class ValidationVerbose
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<ValidationRow> rows)
    {
        foreach (var row in rows.Where(r => r.MissingIds.Count > 0))
        {
            await output.WriteLineAsync($"Missing items ({row.TreeBranch} {row.Commit}):");
            await output.WriteLineAsync(PythonJson.Dumps(new JsonArray([.. row.MissingIds.Select(id => (JsonNode)id)]), 1));
        }
    }
}
