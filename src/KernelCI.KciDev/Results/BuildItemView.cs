using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>One build as `results build` shows it: upstream's lines (kernelci/kci-dev:
/// kcidev/subcommands/results/parser.py, print_build) or its JSON shape (create_build_json, kci-dev.md §4).</summary>
internal static class BuildItemView
{
    public static JsonObject ToJson(JsonObject build, string? log, DashboardLinks links) => new()
    {
        ["config"] = build["config_name"]?.DeepClone(),
        ["arch"] = build["architecture"]?.DeepClone(),
        ["compiler"] = build["compiler"]?.DeepClone(),
        ["status"] = build["status"]?.DeepClone(),
        ["config_url"] = build["config_url"]?.DeepClone(),
        ["log"] = log,
        ["id"] = build["id"]?.DeepClone(),
        ["dashboard"] = links.Build(build["id"]),
    };

    public static void Print(KciConsole console, JsonObject build, string? log, DashboardLinks links)
    {
        Line(console, $"- config:[cyan]{Esc(build["config_name"])}[/] arch: [cyan]{Esc(build["architecture"])}[/] compiler: [cyan]{Esc(build["compiler"])}[/]");
        Line(console, "  status:" + Status(Str(build["status"])));
        Line(console, $"  config_url: {Esc(build["config_url"])}");
        Line(console, $"  log: {Esc(log)}");
        Line(console, $"  id: {Esc(build["id"])}");
        Line(console, $"  dashboard: {Esc(links.Build(build["id"]))}");
        Line(console);
    }
}
