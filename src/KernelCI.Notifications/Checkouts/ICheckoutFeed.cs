namespace KernelCI.Notifications.Checkouts;

/// <summary>Checkouts reaching `done`, in the order of Maestro's event log, after a number of it (null: from now on, for
/// a first start, so that a deployment's past checkouts are not all summarized at once).</summary>
internal interface ICheckoutFeed
{
    IAsyncEnumerable<CompletedCheckout> ReadAsync(long? after, CancellationToken cancellationToken);
}
