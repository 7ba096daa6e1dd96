using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Scheduler entries indexed by (channel, kind, state, name), so an event costs a few dictionary lookups
/// however many entries are configured; the remaining event fields are compared on the few candidates.</summary>
internal sealed class SchedulerIndex
{
    private const string Any = "\u0000*";

    private readonly Dictionary<(string Channel, string Kind, string State, string Name), List<ResolvedEntry>> _entries = [];

    public SchedulerIndex(PipelineConfig config, LoadedRuntimes runtimes)
    {
        foreach (var entry in config.Scheduler)
        {
            if (!config.Jobs.TryGetValue(entry.Job, out var job) || runtimes.For(entry) is not { } runtime)
            {
                continue;
            }

            var platforms = entry.Platforms is { Count: > 0 } names
                ? names.Select(n => config.Platforms[n]).ToList()
                : [config.Platforms.GetValueOrDefault(runtime.Config.LabType) ?? PseudoPlatform(runtime.Config.LabType)];
            var key = (entry.Channel, entry.Event.GetValueOrDefault("kind") ?? Any, entry.Event.GetValueOrDefault("state") ?? Any,
                entry.Event.GetValueOrDefault("name") ?? Any);
            if (!_entries.TryGetValue(key, out var list))
            {
                _entries[key] = list = [];
            }

            list.Add(new ResolvedEntry(entry, job, platforms));
        }
    }

    public int Count => _entries.Values.Sum(l => l.Count);

    /// <summary>Entries on <paramref name="channel"/> whose event fields all equal the event's top-level fields.</summary>
    public IEnumerable<ResolvedEntry> Match(string channel, IReadOnlyDictionary<string, string?> fields)
    {
        var kind = fields.GetValueOrDefault("kind") ?? Any;
        var state = fields.GetValueOrDefault("state") ?? Any;
        var name = fields.GetValueOrDefault("name") ?? Any;
        foreach (var k in Keys(kind))
        {
            foreach (var s in Keys(state))
            {
                foreach (var n in Keys(name))
                {
                    if (!_entries.TryGetValue((channel, k, s, n), out var list))
                    {
                        continue;
                    }

                    foreach (var entry in list.Where(e => Matches(e.Entry, fields)))
                    {
                        yield return entry;
                    }
                }
            }
        }
    }

    public static bool Matches(SchedulerEntry entry, IReadOnlyDictionary<string, string?> fields) =>
        entry.Event.All(e => fields.TryGetValue(e.Key, out var value) && value == e.Value);

    private static string[] Keys(string value) => value == Any ? [Any] : [value, Any];

    /// <summary>The platform of an entry without platforms (a kbuild): the one named like the runtime's lab_type, else
    /// a stand-in of that name.</summary>
    public static PlatformConfig PseudoPlatform(string labType) =>
        new(labType, "x86_64", "grub", "x86", null, [], null, [], [], Rules.None);
}
