using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

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
            ["status"] = ResultText.StatusText(ItemFields.Status(test)),
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
        var output = console.Out;
        output.WriteLine($"- test path: {Paint.Cyan(console, ItemFields.Text(test, "path"))}");
        output.WriteLine($"  hardware: {Paint.Cyan(console, ItemFields.Platform(test))}");
        if (ItemFields.Compatibles(test).ToList() is { Count: > 0 } compatibles)
        {
            output.WriteLine($"  compatibles: {Paint.Cyan(console, string.Join(" | ", compatibles))}");
        }

        output.WriteLine($"  config: {Paint.Cyan(console, ItemFields.Config(test))} arch: {Paint.Cyan(console, ItemFields.Text(test, "architecture"))} compiler: {Paint.Cyan(console, ItemFields.Text(test, "compiler"))}");
        output.WriteLine("  status:" + Paint.Status(console, ItemFields.Status(test)));
        output.WriteLine($"  log: {log}");
        output.WriteLine($"  start time: {ItemFields.Text(test, "start_time")}");
        if (test.ContainsKey("misc"))
        {
            output.WriteLine($"  runtime: {Paint.Cyan(console, Runtime(test))}");
        }

        output.WriteLine($"  id: {ItemFields.Text(test, "id")}");
        output.WriteLine($"  dashboard: {links.Test(ItemFields.Text(test, "id"))}");
        output.WriteLine();
    }

    // Upstream reads misc.runtime; the dashboard's lists name the lab `lab` and carry no `misc`, so it is rarely there.
    private static string? Runtime(JsonObject test) => test["misc"] is JsonObject misc ? ItemFields.Text(misc, "runtime") : null;
}
