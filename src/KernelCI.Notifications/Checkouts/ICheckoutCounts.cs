namespace KernelCI.Notifications.Checkouts;

internal interface ICheckoutCounts
{
    /// <summary>The counts of a KCIDB checkout, or null when KCIDB cannot give them (the summary goes without).</summary>
    Task<CheckoutCounts?> ReadAsync(string checkoutId, CancellationToken cancellationToken);
}
