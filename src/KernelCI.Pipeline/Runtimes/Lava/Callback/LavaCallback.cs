using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>What the pipeline reads of a LAVA notify callback (storage-and-lava.md B.7's shape, docs/labs.md): the
/// legacy `status` (0 submitted, 1 running, 2 complete, 3 incomplete, 4 canceled, 5 canceling), `actual_device_id`,
/// `results` (suite name → YAML text of its cases) and `log` (output.yaml as text). Everything else is kept only in
/// the stored body. <see cref="Parse"/> refuses a malformed body, naming the field.</summary>
internal sealed record LavaCallback(int Status, string? DeviceId, IReadOnlyList<LavaSuite> Suites, IReadOnlyList<LavaLogLine>? Log, long? JobId)
{
    public const int Complete = 2;

    /// <summary>A finished job: complete, incomplete, canceled or canceling.</summary>
    public bool Finished => Status is >= Complete and <= 5;

    public static LavaCallback Parse(JsonObject body)
    {
        var status = body["status"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var s) && s is >= 0 and <= 5
            ? s : throw new CallbackInputException("status: must be LAVA's job status, an integer from 0 to 5");
        var device = body["actual_device_id"] switch
        {
            null => null,
            JsonValue d when d.GetValueKind() == JsonValueKind.String => d.GetValue<string>(),
            _ => throw new CallbackInputException("actual_device_id: must be a string"),
        };
        long? jobId = body["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.Number && id.TryGetValue<long>(out var j) ? j : null;
        return new LavaCallback(status, device, ReadSuites(body["results"]), ReadLog(body["log"]), jobId);
    }

    private static List<LavaSuite> ReadSuites(JsonNode? results)
    {
        if (results is null)
        {
            return [];
        }

        if (results is not JsonObject suites)
        {
            throw new CallbackInputException("results: must be an object of suite name to YAML text");
        }

        var list = new List<LavaSuite>(suites.Count);
        foreach (var (name, value) in suites)
        {
            var field = "results." + name;
            if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
            {
                throw new CallbackInputException($"{field}: must be a YAML text");
            }

            list.Add(new LavaSuite(name, LavaYaml.Cases(field, text.GetValue<string>())));
        }

        return list;
    }

    private static IReadOnlyList<LavaLogLine>? ReadLog(JsonNode? log) => log switch
    {
        null => null,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>() is { Length: > 0 } yaml ? LavaYaml.Log(yaml) : null,
        _ => throw new CallbackInputException("log: must be a YAML text"),
    };
}
