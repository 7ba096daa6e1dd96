using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

/// <summary>LAVA callback bodies in the shape LAVA 2023.01 sends (storage-and-lava.md B.7, docs/labs.md): the legacy
/// status, `results` mapping each suite to a YAML text of its cases, `log` as output.yaml text, `end_time` "None",
/// `metadata` [] and the definition carrying the job's metadata.</summary>
internal static class CallbackPayloads
{
    public const string Token = "lab-callback-secret";

    public static string Case(string name, string result, string suite = "0_smoke", string? set = null, string? errorType = null, string? errorMsg = null)
    {
        var text = new StringBuilder();
        text.Append("- id: 1\n  job: 3\n  level: 1.1\n  logged: '2026-11-23 18:31:40.295319+00:00'\n  measurement: 'None'\n  metadata:\n");
        text.Append($"    case: {name}\n    definition: {suite}\n    result: {result}\n");
        if (set is not null)
        {
            text.Append($"    set: {set}\n");
        }

        if (errorType is not null)
        {
            text.Append($"    error_type: {errorType}\n    error_msg: {JsonSerializer.Serialize(errorMsg)}\n");
        }

        text.Append($"  name: {JsonSerializer.Serialize(name)}\n  result: {result}\n  suite: {suite}\n  unit: ''\n  url: /results/3/{suite}/{name}\n");
        return text.ToString();
    }

    public static string Suite(params string[] cases) => string.Concat(cases);

    /// <summary>The `lava` suite of a job that booted (login passed) and ran the `0_smoke` definition.</summary>
    public static string LavaSuite(string login = "pass", string stage = "pass", string? jobError = null, string? jobMessage = null) => Suite(
        Case("validate", "pass", "lava"),
        Case("http-download", "pass", "lava"),
        Case("execute-qemu", "pass", "lava"),
        Case("kernel-messages", "pass", "lava"),
        Case("auto-login-action", login, "lava"),
        Case("0_smoke", stage, "lava"),
        Case("job", jobError is null ? "pass" : "fail", "lava", errorType: jobError, errorMsg: jobMessage));

    public static string Log(params (string Level, string Message)[] lines) =>
        string.Concat(lines.Select(l => $"- {{\"dt\": \"2026-11-23T18:31:40.295319\", \"lvl\": \"{l.Level}\", \"msg\": {JsonSerializer.Serialize(l.Message)}}}\n"));

    public static string BootLog => Log(("info", "start: 0 validate"), ("target", "Linux version 6.1.0 (gcc)"), ("target", "/ # "),
        ("debug", "lava-test-runner"), ("target", "bell\x07 and tab\there"));

    public static JsonObject Body(int status = 2, IReadOnlyDictionary<string, string>? results = null, string? log = null, string? device = "qemu01",
        string nodeId = "000000000000000000000000") => new()
    {
        ["id"] = 3,
        ["status"] = status,
        ["status_string"] = status switch { 2 => "complete", 3 => "incomplete", 4 => "canceled", _ => "running" },
        ["state"] = 5,
        ["state_string"] = "Finished",
        ["health"] = status == 2 ? 1 : status == 4 ? 3 : 2,
        ["submit_time"] = "2026-11-23 18:31:20.295319+00:00",
        ["start_time"] = "2026-11-23 18:31:40.295319+00:00",
        ["end_time"] = "None",
        ["submitter_username"] = "admin",
        ["failure_comment"] = null,
        ["priority"] = 50,
        ["description"] = $"[kernelci] {nodeId} baseline-x86 v6.1",
        ["actual_device_id"] = device,
        ["definition"] = $"job_name: test\nmetadata:\n  node_id: {nodeId}\n  api_config_name: local\n",
        ["metadata"] = new JsonArray(),
        ["token"] = Token,
        ["results"] = new JsonObject((results ?? Complete).Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
        ["log"] = log ?? (log is null ? BootLog : null),
    };

    /// <summary>A complete job: two passing cases, a failing one and a test set.</summary>
    public static Dictionary<string, string> Complete => new()
    {
        ["lava"] = LavaSuite(),
        ["0_smoke"] = Suite(Case("uname", "pass"), Case("proc-version", "pass"), Case("expected-fail", "fail"),
            Case("in-set", "pass", set: "subgroup")),
    };
}
