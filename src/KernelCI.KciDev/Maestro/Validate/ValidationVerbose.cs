using System.Text.Json.Nodes;

namespace KernelCI.KciDev.Maestro.Validate;

/// <summary>`--verbose`: the missing items of each checkout, as upstream prints them (`Missing items:` and the JSON
/// list with an indent of 1), before the result.</summary>
internal static class ValidationVerbose
{
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<ValidationRow> rows)
    {
        foreach (var row in rows.Where(r => r.MissingItems.Count > 0))
        {
            await output.WriteLineAsync("Missing items:");
            await output.WriteLineAsync(PythonJson.Dumps(new JsonArray([.. row.MissingItems.Select(i => i.DeepClone())]), indent: 1, sortKeys: false));
        }
    }
}
