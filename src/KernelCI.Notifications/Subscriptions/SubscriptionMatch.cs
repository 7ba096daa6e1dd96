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
        && (s.Files is null || TouchesFiles(s.Files, r));

    /// <summary>A `files` subscription follows culprits: the regression's culprit commit (named by a bisection) touches
    /// a file its pattern matches. A regression without a culprit, or whose culprit came without its files, matches
    /// none (docs/notifications.md, "Files subscriptions").</summary>
    public static bool TouchesFiles(string pattern, KcidbRegression r) =>
        r.Culprit?.Files is { } files && files.Any(file => Patterns.FileMatches(pattern, file));
}
