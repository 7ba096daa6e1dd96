namespace KernelCI.Notifications.Subscriptions;

/// <summary>Thrown inside the adding transaction so that it rolls back whole when <see cref="UnconfirmedCap"/> refuses.</summary>
internal sealed class SubscriptionRefused(string reason) : Exception(reason);
