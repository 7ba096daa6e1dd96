using System.Collections.Concurrent;

namespace KernelCI.ServiceDefaults;

/// <summary>Objects one component offers to the others of the same host process (the pipeline's lab view to the
/// dashboard): each component has its own service container, so this is where they meet. A component publishes
/// once its app is built; readers look it up on use, so the order in which components start does not matter.</summary>
public sealed class LocalServices
{
    private readonly ConcurrentDictionary<Type, object> _services = new();

    public void Publish<T>(T service)
        where T : class => _services[typeof(T)] = service;

    /// <summary>The published service, or null when no component of this process offers it.</summary>
    public T? Find<T>()
        where T : class => _services.TryGetValue(typeof(T), out var service) ? (T)service : null;
}
