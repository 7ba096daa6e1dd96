namespace KernelCI.Notifications.Checkouts;

/// <summary>How many builds and tests a checkout has in KCIDB, by status (KCIDB's `/api/checkouts/{id}/summary`).</summary>
internal sealed record CheckoutCounts(long Builds, IReadOnlyList<KeyValuePair<string, long>> BuildStatuses, long Tests,
    IReadOnlyList<KeyValuePair<string, long>> TestStatuses);
