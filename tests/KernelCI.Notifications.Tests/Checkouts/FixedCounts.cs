using KernelCI.Notifications.Checkouts;

namespace KernelCI.Notifications.Tests.Checkouts;

internal sealed class FixedCounts : ICheckoutCounts
{
    public List<string> Asked { get; } = [];

    public Task<CheckoutCounts?> ReadAsync(string checkoutId, CancellationToken cancellationToken)
    {
        lock (Asked)
        {
            Asked.Add(checkoutId);
        }

        return Task.FromResult<CheckoutCounts?>(new CheckoutCounts(12, [new("FAIL", 1), new("PASS", 11)], 340, [new("FAIL", 15), new("PASS", 320), new("SKIP", 5)]));
    }
}
