using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Tests;

internal sealed class FixedTrees : ITreeCatalog
{
    public Task<IReadOnlyDictionary<string, HashSet<string>>?> TreesAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, HashSet<string>>?>(new Dictionary<string, HashSet<string>>
        {
            ["mainline"] = ["master"],
            ["next"] = ["master", "pending-fixes"],
        });
}
