using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>One test or boot as `results test|boot` shows it: upstream's lines (kernelci/kci-dev:
/// kcidev/subcommands/results/parser.py, print_test) or its JSON shape (create_test_json, kci-dev.md §4), with the
/// `dashboard` link on `/test/` where upstream's JSON says `/build/`.</summary>
internal static class TestItemView
{
    public static JsonObject ToJson(JsonObject test, string? log, DashboardLinks links)
    {
        var json = new JsonObject
        {
            ["test_path"] = test["path"]?.DeepClone(),
            ["hardware"] = Platform(test),
            ["compatibles"] = test.TryGetPropertyValue("environment_compatible", out var compatibles) ? compatibles?.DeepClone() : new JsonArray(),
            ["config"] = Config(test),
            ["arch"] = test["architecture"]?.DeepClone(),
            ["status"] = StatusText(Str(test["status"])),
            ["start_time"] = test["start_time"]?.DeepClone(),
            ["log"] = log,
            ["id"] = test["id"]?.DeepClone(),
            ["dashboard"] = links.Test(test["id"]),
        };
        if (Runtime(test) is { } runtime)
        {
            json["runtime"] = runtime;
        }

        return json;
    }

    public static void Print(KciConsole console, JsonObject test, string? log, DashboardLinks links)
    {
        Line(console, $"- test path: [cyan]{Esc(test["path"])}[/]");
        Line(console, $"  hardware: [cyan]{Esc(Platform(test))}[/]");
        if (test["environment_compatible"] is JsonArray { Count: > 0 } compatibles)
        {
            Line(console, $"  compatibles: [cyan]{Esc(string.Join(" | ", compatibles.Select(c => Python(c))))}[/]");
        }

        Line(console, $"  config: [cyan]{Esc(Config(test))}[/] arch: [cyan]{Esc(test["architecture"])}[/] compiler: [cyan]{Esc(test["compiler"])}[/]");
        Line(console, "  status:" + Status(Str(test["status"])));
        Line(console, $"  log: {Esc(log)}");
        Line(console, $"  start time: {Esc(test["start_time"])}");
        if (Runtime(test) is { } runtime)
        {
            Line(console, $"  runtime: [cyan]{Esc(runtime)}[/]");
        }

        Line(console, $"  id: {Esc(test["id"])}");
        Line(console, $"  dashboard: {Esc(links.Test(test["id"]))}");
        Line(console);
    }

    public static string? Platform(JsonObject test) => Str((test["environment_misc"] as JsonObject)?["platform"]);

    /// <summary>`config`, else `config_name`: the dashboard's listings and details name it differently.</summary>
    public static string Config(JsonObject test) =>
        test.TryGetPropertyValue("config", out var config) ? Python(config) :
        test.TryGetPropertyValue("config_name", out var name) ? Python(name) : "No config available";

    private static string? Runtime(JsonObject test) => Str((test["misc"] as JsonObject)?["runtime"]);
}
