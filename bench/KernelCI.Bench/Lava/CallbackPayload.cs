using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Lava;

/// <summary>A large callback in the shape LAVA 2023.01 sent for the recorded complete job
/// (tests/KernelCI.Pipeline.Tests/Runtimes/Lava/Callbacks/complete.json): its `lava` suite, log and fields as
/// recorded, and the test suite `0_smoke` replaced by <c>cases</c> cases written as LAVA writes them. A fifth of
/// the cases are outside any set; the rest are spread over <c>sets</c> test sets. One case in 50 fails and one
/// in 100 is skipped.</summary>
internal static class CallbackPayload
{
    public static string RecordedDirectory => Path.Combine(RepoPaths.Root, "tests", "KernelCI.Pipeline.Tests", "Runtimes", "Lava", "Callbacks");

    public static JsonObject Build(int cases, int sets)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(RecordedDirectory, "complete.json")))!.AsObject();
        body["results"]!["0_smoke"] = Suite(cases, sets);
        return body;
    }

    /// <summary>The nodes the callback becomes below the job: the setup tree (setup, login, kernelmsg), the suite,
    /// its sets and its cases.</summary>
    public static int ExpectedChildren(int cases, int sets) => 3 + 1 + Math.Min(sets, cases - (cases / 5)) + cases;

    private static string Suite(int cases, int sets)
    {
        var yaml = new StringBuilder(cases * 420);
        var free = cases / 5;
        for (var i = 0; i < cases; i++)
        {
            var set = i < free ? null : $"set-{(i - free) % sets:D2}";
            var result = i % 100 == 99 ? "skip" : i % 50 == 7 ? "fail" : "pass";
            var id = (100 + i).ToString(CultureInfo.InvariantCulture);
            var name = $"case-{i:D5}";
            yaml.Append("- id: '").Append(id).Append("'\n")
                .Append("  job: '1'\n")
                .Append("  level: ''\n")
                .Append("  log_end_line: '").Append(300 + (2 * i)).Append("'\n")
                .Append("  log_start_line: '").Append(299 + (2 * i)).Append("'\n")
                .Append("  logged: '2026-12-06 17:39:28.440191+00:00'\n")
                .Append("  measurement: None\n")
                .Append("  metadata:\n")
                .Append("    case: ").Append(name).Append('\n')
                .Append("    definition: 0_smoke\n")
                .Append("    result: ").Append(result).Append('\n');
            if (set is not null)
            {
                yaml.Append("    set: ").Append(set).Append('\n');
            }

            yaml.Append("  name: ").Append(name).Append('\n')
                .Append("  result: ").Append(result).Append('\n')
                .Append("  suite: 0_smoke\n")
                .Append("  unit: ''\n")
                .Append("  url: /results/testcase/").Append(id).Append('\n');
        }

        return yaml.ToString();
    }
}
