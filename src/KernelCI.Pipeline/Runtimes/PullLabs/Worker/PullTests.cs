using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Qemu;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>What a pulled job runs, read from its document's `tests` (Runtimes/PullLabs/PullJobDocument.cs) into the
/// QEMU lab's own <see cref="TestDefinition"/>, so the worker runs a job exactly as the QEMU lab would: `boot` alone is
/// a baseline, each `command` a test of the commands method (its `suite`, `run` and `format`). Any other type is not
/// run here: invalid_job_params naming it, rather than a boot reported as if the tests had passed.</summary>
internal static class PullTests
{
    public static TestDefinition Read(JsonObject document, string jobName)
    {
        var tests = document["tests"] as JsonArray ?? [];
        var commands = new JsonArray();
        string? suite = null;
        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i] as JsonObject ?? throw new InvalidJobParamsException($"tests[{i}]: must be an object");
            switch (test["type"]?.ToString())
            {
                case "boot":
                    break;
                case "command":
                    suite ??= test["suite"]?.ToString();
                    commands.Add(new JsonObject { ["name"] = test["id"]?.ToString(), ["run"] = test["run"]?.ToString(), ["format"] = test["format"]?.ToString() });
                    break;
                case var type:
                    throw new InvalidJobParamsException($"tests[{i}].type: '{type}' is not run by the reference pull worker (boot, command)");
            }
        }

        var parameters = new JsonObject
        {
            ["test_method"] = commands.Count == 0 ? "baseline" : "commands",
            ["tests"] = commands,
            ["suite"] = suite,
            ["extra_kernel_args"] = document["environment"]?["extra_kernel_args"]?.ToString(),
        };
        return TestDefinition.From(parameters, jobName);
    }

    /// <summary>The longest `timeout_s` of the tests (the QEMU lab's one job timeout), else 10 minutes.</summary>
    public static TimeSpan Limit(JsonObject document)
    {
        var seconds = (document["tests"] as JsonArray ?? []).Select(t => t?["timeout_s"] is JsonValue v && v.TryGetValue<double>(out var s) ? s : 0)
            .DefaultIfEmpty(0).Max();
        return TimeSpan.FromSeconds(seconds > 0 ? seconds : 600);
    }
}
