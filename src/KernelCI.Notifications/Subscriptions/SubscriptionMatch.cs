using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Whether a regression concerns a subscription: every criterion it has holds.</summary>
internal static class SubscriptionMatch
{
    public static bool Matches(Subscription s, KcidbRegression r) =>
        (s.Tree is null || s.Tree == r.TreeName)
        && (s.Branch is null || s.Branch == r.Branch)
        && (s.Path is null || (r.Kind != "build" && (s.Source is null ? Patterns.PathMatches(s.Path, r.Path) : Patterns.LikeMatches(s.Path, r.Path))))
        && (s.Platform is null || s.Platform == r.Platform)
        && (s.Origin is null || s.Origin == r.Origin)
        // The culprit's files are not in KCIDB's culprit yet (docs/notifications.md, "Not yet"): a files subscription
        // matches nothing until they are.
        && s.Files is null;
}
