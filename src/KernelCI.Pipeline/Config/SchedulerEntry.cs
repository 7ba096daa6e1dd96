namespace KernelCI.Pipeline.Config;

/// <summary>One `scheduler:` entry: run <see cref="Job"/> when an event matches <see cref="Event"/> (channel plus
/// top-level fields), on the named runtime or a runtime of the given type, once per platform.</summary>
public sealed record SchedulerEntry(string Job, string Channel, IReadOnlyDictionary<string, string> Event, string? RuntimeName,
    string? RuntimeType, IReadOnlyList<string>? Platforms, Rules Rules);
