namespace KernelCI.Notifications.Subscriptions;

/// <summary>The trees (and their branches) that results exist for, to refuse a subscription to an unknown one.</summary>
internal interface ITreeCatalog
{
    /// <summary>Tree name → branches; null when the catalog cannot be read now.</summary>
    Task<IReadOnlyDictionary<string, HashSet<string>>?> TreesAsync(CancellationToken cancellationToken);
}
