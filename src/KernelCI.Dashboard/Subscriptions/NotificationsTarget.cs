namespace KernelCI.Dashboard.Subscriptions;

/// <summary>Where this deployment's notifications component listens (base port + 5, known once the deployment is
/// connected), or null when the deployment has none: what `/api/subscriptions` and the subscribe page post to.</summary>
internal sealed class NotificationsTarget(Func<Uri?> url)
{
    public Uri? Url => url();
}
