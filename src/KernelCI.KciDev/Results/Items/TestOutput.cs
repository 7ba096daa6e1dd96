using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Results.Items;

/// <summary>One test or boot as upstream prints it (kernelci/kci-dev:kcidev/subcommands/results/parser.py `print_test`,
/// `create_test_json`), with `/test/ID` links in both.</summary>
internal static class TestOutput
{
    public static JsonObject Json(JsonObject test, string? log, DashboardLinks links)
    {
        var json = new JsonObject
        {
            ["test_path"] = test["path"]?.DeepClone(),
            ["hardware"] = ItemFields.Platform(test),
            ["compatibles"] = test.TryGetPropertyValue("environment_compatible", out var compatibles) ? compatibles?.DeepClone() : new JsonArray(),
            ["config"] = ItemFields.Config(test),
            ["arch"] = test["architecture"]?.DeepClone(),
            ["status"] = StatusMarkup.Label(ItemFields.Status(test)),
            ["start_time"] = test["start_time"]?.DeepClone(),
            ["log"] = log,
            ["id"] = test["id"]?.DeepClone(),
            ["dashboard"] = links.Test(ItemFields.Text(test, "id")),
        };
        if (Runtime(test) is { Length: > 0 } runtime)
        {
            json["runtime"] = runtime;
        }

        return json;
    }

    public static void Text(KciConsole console, JsonObject test, string? log, DashboardLinks links)
    {
        var ansi = console.Ansi;
        ansi.MarkupLineInterpolated($"- test path: [cyan]{ItemFields.Text(test, "path")}[/]");
        ansi.MarkupLineInterpolated($"  hardware: [cyan]{ItemFields.Platform(test)}[/]");
        if (ItemFields.Compatibles(test).ToList() is { Count: > 0 } compatibles)
        {
            ansi.MarkupLineInterpolated($"  compatibles: [cyan]{string.Join(" | ", compatibles)}[/]");
        }

        ansi.MarkupLineInterpolated($"  config: [cyan]{ItemFields.Config(test)}[/] arch: [cyan]{ItemFields.Text(test, "architecture")}[/] compiler: [cyan]{ItemFields.Text(test, "compiler")}[/]");
        ansi.MarkupLine("  status:" + StatusMarkup.Of(ItemFields.Status(test)));
        ansi.WriteLine($"  log: {log}");
        ansi.WriteLine($"  start time: {ItemFields.Text(test, "start_time")}");
        if (test.ContainsKey("misc"))
        {
            ansi.MarkupLineInterpolated($"  runtime: [cyan]{Runtime(test)}[/]");
        }

        ansi.WriteLine($"  id: {ItemFields.Text(test, "id")}");
        ansi.WriteLine($"  dashboard: {links.Test(ItemFields.Text(test, "id"))}");
        ansi.WriteLine();
    }

    // Upstream reads misc.runtime; the dashboard's lists name the lab `lab` and carry no `misc`, so it is rarely there.
    private static string? Runtime(JsonObject test) => test["misc"] is JsonObject misc ? ItemFields.Text(misc, "runtime") : null;
}
