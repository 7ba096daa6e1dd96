using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Results;
using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>The reference worker's result, sent as a LAVA notify callback (storage-and-lava B.7's shape, docs/labs.md):
/// status 2 complete or 3 incomplete, `actual_device_id`, `results` (`lava` with login-action, kernel-messages and
/// the `job` stage's error; `N_suite` for each suite the log reported) and `log` (the serial lines as output.yaml).
/// Why not upstream's pull-lab result shape (`tests{…status ok/pass/error}`, kernelci/kernelci-core:kernelci/runtime/pull_labs.py
/// Callback)? It has no login or kernel-messages stages, so the server would need a second conversion to make the
/// same setup/login/kernelmsg tree: with the LAVA shape, every lab's results go through the one conversion
/// (Runtimes/Lava/Callback/CallbackResults.cs), the same durable store and worker.</summary>
internal static class PullCallback
{
    private static readonly ISerializer Yaml = new SerializerBuilder().Build();

    public static JsonObject Build(BootVerdict verdict, BootLog? log, string serial, string device, DateTimeOffset at)
    {
        var lava = new List<Dictionary<string, object>>();
        if (log is not null && (log.KernelStarted || log.PromptReached))
        {
            lava.Add(Case("login-action", log.PromptReached ? "pass" : "fail"));
            lava.Add(Case("kernel-messages", log.KernelErrors.Count == 0 ? "pass" : "fail"));
        }

        // LAVA's `job` stage: its metadata says why an incomplete job gave up (a failed login is a Test error).
        var incomplete = verdict.Result == "incomplete" || (log is not null && !log.PromptReached);
        var job = Case("job", incomplete ? "fail" : "pass");
        if (incomplete)
        {
            job["metadata"] = new Dictionary<string, string>
            {
                ["error_type"] = verdict.ErrorCode ?? "Test",
                ["error_msg"] = verdict.ErrorMessage ?? "the shell prompt was not reached",
            };
        }

        lava.Add(job);
        var results = new JsonObject { ["lava"] = Yaml.Serialize(lava) };
        var index = 1;
        foreach (var suite in log?.Suites ?? [])
        {
            var cases = new List<Dictionary<string, object>>();
            Flatten(suite, null, cases);
            results[index++.ToString(CultureInfo.InvariantCulture) + "_" + suite.Name] = Yaml.Serialize(cases);
        }

        return new JsonObject
        {
            ["status"] = incomplete ? 3 : 2,
            ["actual_device_id"] = device,
            ["results"] = results,
            ["log"] = Log(serial, verdict, at),
        };
    }

    // A suite's cases, each nested test set named in metadata.set, as LAVA reports them.
    private static void Flatten(ResultNode group, string? set, List<Dictionary<string, object>> cases)
    {
        foreach (var child in group.Children)
        {
            if (child.IsGroup)
            {
                Flatten(child, child.Name, cases);
                continue;
            }

            var entry = Case(child.Name, child.Result);
            if (set is not null)
            {
                entry["metadata"] = new Dictionary<string, string> { ["set"] = set };
            }

            cases.Add(entry);
        }
    }

    private static Dictionary<string, object> Case(string name, string result) => new() { ["name"] = name, ["result"] = result };

    private static string Log(string serial, BootVerdict verdict, DateTimeOffset at)
    {
        var dt = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        var lines = serial.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0)
            .Select(l => new Dictionary<string, string> { ["dt"] = dt, ["lvl"] = "target", ["msg"] = l }).ToList();
        lines.Add(new Dictionary<string, string> { ["dt"] = dt, ["lvl"] = "info", ["msg"] = $"pull worker: {verdict.Result} {verdict.ErrorCode} {verdict.ErrorMessage}".Trim() });
        return Yaml.Serialize(lines);
    }
}
