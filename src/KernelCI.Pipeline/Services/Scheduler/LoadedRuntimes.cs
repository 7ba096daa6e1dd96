using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>The runtimes this process schedules on: configured ones whose lab_type has a factory here, limited to
/// PipelineOptions.Runtimes when that is set (upstream's --runtimes). Others stay unloaded and their entries are ignored.</summary>
internal sealed class LoadedRuntimes
{
    private readonly Dictionary<string, IRuntime> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IRuntime>> _byType = new(StringComparer.Ordinal);

    public LoadedRuntimes(PipelineConfig config, PipelineOptions options, IEnumerable<IRuntimeFactory> factories)
    {
        var factoryByType = factories.GroupBy(f => f.LabType).ToDictionary(g => g.Key, g => g.First());
        foreach (var (name, runtime) in config.Runtimes)
        {
            if ((options.Runtimes.Count > 0 && !options.Runtimes.Contains(name)) || !factoryByType.TryGetValue(runtime.LabType, out var factory))
            {
                continue;
            }

            var created = factory.Create(runtime);
            _byName[name] = created;
            if (!_byType.TryGetValue(runtime.LabType, out var list))
            {
                _byType[runtime.LabType] = list = [];
            }

            list.Add(created);
        }
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IEnumerable<IRuntime> All => _byName.Values;

    /// <summary>The entry's runtime: by name when it gives one, else a random loaded runtime of its type.</summary>
    public IRuntime? For(SchedulerEntry entry)
    {
        if (entry.RuntimeName is { } name)
        {
            return _byName.GetValueOrDefault(name);
        }

        return entry.RuntimeType is { } type && _byType.TryGetValue(type, out var list) ? list[Random.Shared.Next(list.Count)] : null;
    }
}
