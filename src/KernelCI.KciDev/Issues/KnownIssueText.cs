using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results;

namespace KernelCI.KciDev.Issues;

/// <summary>A known issue on one line: id and version, subject, then what its matcher matches.</summary>
internal static class KnownIssueText
{
    public static string Line(JsonObject issue) =>
        $"[cyan]{ResultText.Esc(Text(issue, "id"))}[/] v{issue["version"]}: {ResultText.Esc(Text(issue, "report_subject"))}"
        + (Text(issue, "kind") == "build"
            ? $" (builds {Glob(issue, "config")}, {Glob(issue, "architecture")}, {Glob(issue, "compiler")}"
            : $" (tests {ResultText.Esc(Text(issue, "test_path"))} on {ResultText.Esc(Text(issue, "platform"))}")
        + (Text(issue, "origin") is { Length: > 0 } origin ? $" from {ResultText.Esc(origin)}" : "")
        + (Text(issue, "log_regex") is { Length: > 0 } regex ? $", log /{ResultText.Esc(regex)}/" : "") + ")";

    public static async Task WriteAsync(CommandSession session, JsonNode? reply, bool json)
    {
        if (json)
        {
            await JsonOutput.WriteAsync(session.Console, reply?.DeepClone());
            return;
        }

        foreach (var item in reply is JsonObject { } one && one["items"] is JsonArray items ? items.OfType<JsonObject>() : [reply as JsonObject ?? []])
        {
            ResultText.Line(session.Console, Line(item));
        }
    }

    private static string Text(JsonObject item, string name) => ResultText.Str(item[name]) ?? "";

    // A build matcher's absent pattern matches anything.
    private static string Glob(JsonObject item, string name) => ResultText.Esc(Text(item, name) is { Length: > 0 } pattern ? pattern : "*");
}
