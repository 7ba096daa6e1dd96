using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Config;

/// <summary>One `scheduler:` list item: job, event{channel, top-level node fields}, runtime{name|type}, platforms,
/// rules; anything else is an error.</summary>
internal static class SchedulerEntryParser
{
    public static SchedulerEntry Parse(RawEntry raw)
    {
        var r = raw.Reader();
        var job = r.RequiredString("job");
        var eventFields = new Dictionary<string, string>();
        var eventObject = r.Object("event");
        if (eventObject.Count == 0)
        {
            throw r.Error("event", "is required");
        }

        foreach (var (name, value) in eventObject)
        {
            if (value is not JsonValue v || v.GetValueKind() is JsonValueKind.Object or JsonValueKind.Array)
            {
                throw r.Error($"event.{name}", $"expected a scalar, got {EntryReader.Kind(value)}");
            }

            eventFields[name] = v.GetValueKind() switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => v.ToString(),
            };
        }

        if (!eventFields.Remove("channel", out var channel))
        {
            throw r.Error("event.channel", "is required");
        }

        var runtime = new EntryReader(r.File, r.Path("runtime"), r.Object("runtime"));
        var runtimeName = runtime.String("name");
        var runtimeType = runtime.String("type");
        runtime.RejectUnknown();
        if (runtimeName is null && runtimeType is null)
        {
            throw r.Error("runtime", "needs a name or a type");
        }

        var entry = new SchedulerEntry(job, channel, eventFields, runtimeName, runtimeType, r.StringList("platforms"), r.Rules());
        r.RejectUnknown();
        return entry;
    }
}
