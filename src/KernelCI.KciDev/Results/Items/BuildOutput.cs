using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

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
        var output = console.Out;
        output.WriteLine($"- config:{Paint.Cyan(console, ItemFields.Text(build, "config_name"))} arch: {Paint.Cyan(console, ItemFields.Text(build, "architecture"))} compiler: {Paint.Cyan(console, ItemFields.Text(build, "compiler"))}");
        output.WriteLine("  status:" + Paint.Status(console, ItemFields.Status(build)));
        output.WriteLine($"  config_url: {ItemFields.Text(build, "config_url")}");
        output.WriteLine($"  log: {log}");
        output.WriteLine($"  id: {ItemFields.Text(build, "id")}");
        output.WriteLine($"  dashboard: {links.Build(ItemFields.Text(build, "id"))}");
        output.WriteLine();
    }
}
