using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Results.Items;

/// <summary>One build as upstream prints it (kernelci/kci-dev:kcidev/subcommands/results/parser.py `print_build`,
/// `create_build_json`).</summary>
internal static class BuildOutput
{
    public static JsonObject Json(JsonObject build, string? log, DashboardLinks links) => new()
    {
        ["config"] = build["config_name"]?.DeepClone(),
        ["arch"] = build["architecture"]?.DeepClone(),
        ["compiler"] = build["compiler"]?.DeepClone(),
        ["status"] = build["status"]?.DeepClone(),
        ["config_url"] = build["config_url"]?.DeepClone(),
        ["log"] = log,
        ["id"] = build["id"]?.DeepClone(),
        ["dashboard"] = links.Build(ItemFields.Text(build, "id")),
    };

    public static void Text(KciConsole console, JsonObject build, string? log, DashboardLinks links)
    {
        var ansi = console.Ansi;
        ansi.MarkupLineInterpolated($"- config:[cyan]{ItemFields.Text(build, "config_name")}[/] arch: [cyan]{ItemFields.Text(build, "architecture")}[/] compiler: [cyan]{ItemFields.Text(build, "compiler")}[/]");
        ansi.MarkupLine("  status:" + StatusMarkup.Of(ItemFields.Status(build)));
        ansi.WriteLine($"  config_url: {ItemFields.Text(build, "config_url")}");
        ansi.WriteLine($"  log: {log}");
        ansi.WriteLine($"  id: {ItemFields.Text(build, "id")}");
        ansi.WriteLine($"  dashboard: {links.Build(ItemFields.Text(build, "id"))}");
        ansi.WriteLine();
    }
}
