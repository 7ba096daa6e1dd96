using KernelCI.Dashboard.Trees.Compare;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>The kind of change of a listed pair, named as the compare API counts them (<see cref="ComparePairing"/>,
/// upstream's compareChangeTypes in kernelci/dashboard:dashboard/src/types/tree/TreeCompare.ts): every pair the API
/// lists (statuses differ, or failing on both sides) has exactly one.</summary>
internal static class CompareChange
{
    public const string All = "all";

    public static IReadOnlyList<(string Key, string Label)> Kinds { get; } =
    [
        ("regression", "Regression"), ("fixed", "Fixed"), ("newFailure", "New failure"), ("stillFailing", "Still failing"),
        ("newPass", "New pass"), ("appeared", "Appeared"), ("disappeared", "Disappeared"),
    ];

    /// <summary>The same cases, in the same order, as <see cref="ComparePairing.Count{TKey}"/>.</summary>
    public static string Of(string? a, string? b) => (a, b) switch
    {
        (not null, null) => "disappeared",
        (ComparePairing.Pass, ComparePairing.Fail or ComparePairing.Inconclusive) => "regression",
        (ComparePairing.Fail, ComparePairing.Pass or ComparePairing.Inconclusive) => "fixed",
        (null or ComparePairing.Inconclusive, ComparePairing.Fail) => "newFailure",
        (ComparePairing.Fail, ComparePairing.Fail) => "stillFailing",
        (null or ComparePairing.Inconclusive, ComparePairing.Pass) => "newPass",
        _ => "appeared",
    };

    public static string Label(string key) => Kinds.FirstOrDefault(k => k.Key == key).Label ?? "All";

    public static bool IsKnown(string key) => key == All || Kinds.Any(k => k.Key == key);
}
