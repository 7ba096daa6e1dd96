using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`results hardware list`: the boards an origin tested in the last 7 days (GET `hardware/`). Upstream's shape:
/// `name` is the board's compatibles (or its platform when it has none) and `compatibles` its platform
/// (kernelci/kci-dev:kcidev/subcommands/results/parser.py `cmd_hardware_list`).</summary>
internal static class HardwareListCommand
{
    public static Command Create(CliContext context)
    {
        var origin = new Option<string>("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List the hardware with results in the last 7 days") { origin, json };
        HardwareChain.SetAction(command, context, async (session, cancellationToken) =>
        {
            var window = HardwareWindow.LastWeek(session.Value(origin)!, context.Time);
            var answer = await session.Dashboard().GetAsync("hardware/", window.Query, cancellationToken);
            var hardware = ((answer as JsonObject)?["hardware"] as JsonArray ?? throw new CliException("the dashboard's answer has no `hardware` list")).OfType<JsonObject>().ToList();
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, new JsonArray([.. hardware.Select(h => new JsonObject
                {
                    ["name"] = Name(h)?.DeepClone(),
                    ["compatibles"] = h["platform"]?.DeepClone(),
                })]));
                return ExitCodes.Success;
            }

            foreach (var board in hardware)
            {
                var name = Name(board) is JsonArray list ? string.Join(" | ", list.Select(c => c?.ToString())) : Name(board)?.ToString();
                await session.Console.Out.WriteLineAsync($"- name: {Paint.Cyan(session.Console, name)}");
                await session.Console.Out.WriteLineAsync($"  compatibles: {Paint.Cyan(session.Console, board["platform"]?.ToString())}");
                await session.Console.Out.WriteLineAsync();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Python's `hardware.get("hardware") or hardware["platform"]`: an empty list or null falls back to the platform.
    private static JsonNode? Name(JsonObject board) => board["hardware"] switch
    {
        JsonArray { Count: > 0 } list => list,
        JsonValue value when value.ToString().Length > 0 => value,
        _ => board["platform"],
    };
}
