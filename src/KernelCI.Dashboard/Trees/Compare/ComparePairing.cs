namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>Pairs the items of two commits by identity and counts how each pair changed, as upstream does
/// (kernelci/dashboard:backend/kernelCI_app/queries/tree.py, _CHANGE_COUNT_SELECT and the *_diff queries). Statuses are
/// grouped (PASS, FAIL, INCONCLUSIVE); a missing side is null.
/// <list type="bullet">
/// <item>regression: PASS → FAIL or INCONCLUSIVE; fixed: FAIL → PASS or INCONCLUSIVE;</item>
/// <item>newFailure: missing or INCONCLUSIVE → FAIL; newPass: missing or INCONCLUSIVE → PASS; stillFailing: FAIL → FAIL;</item>
/// <item>appeared: missing → INCONCLUSIVE; disappeared: present → missing.</item>
/// </list>
/// The diff lists hold the pairs whose statuses differ, and those failing on both sides.</summary>
internal static class ComparePairing
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    public const string Inconclusive = "INCONCLUSIVE";

    public static string Group(string? status) => status switch
    {
        "PASS" => Pass,
        "FAIL" => Fail,
        _ => Inconclusive,
    };

    /// <summary>Every key of either side with its two statuses, in key order.</summary>
    public static IReadOnlyList<(TKey Key, string? A, string? B)> Pair<TKey>(IReadOnlyDictionary<TKey, string> sideA,
        IReadOnlyDictionary<TKey, string> sideB, IComparer<TKey> order) where TKey : notnull =>
        sideA.Keys.Union(sideB.Keys).Order(order)
            .Select(k => (k, sideA.TryGetValue(k, out var a) ? a : null, sideB.TryGetValue(k, out var b) ? b : null))
            .ToList();

    /// <summary>The counts of the two sides' pairs, as the other Count gives for <see cref="Pair"/>'s answer, without
    /// putting the pairs in order (the compare page only counts the tabs it does not show).</summary>
    public static CompareChangeCounts Count<TKey>(IReadOnlyDictionary<TKey, string> sideA, IReadOnlyDictionary<TKey, string> sideB)
        where TKey : notnull =>
        Count(sideA.Select(a => (a.Key, (string?)a.Value, sideB.TryGetValue(a.Key, out var b) ? b : null))
            .Concat(sideB.Where(b => !sideA.ContainsKey(b.Key)).Select(b => (b.Key, (string?)null, (string?)b.Value))));

    public static bool IsListed(string? a, string? b) => a != b || a == Fail;

    public static CompareChangeCounts Count<TKey>(IEnumerable<(TKey Key, string? A, string? B)> pairs)
    {
        long regression = 0, fixedCount = 0, newFailure = 0, stillFailing = 0, newPass = 0, appeared = 0, disappeared = 0;
        foreach (var (_, a, b) in pairs)
        {
            switch (a, b)
            {
                case (Pass, Fail or Inconclusive): regression++; break;
                case (Fail, Pass or Inconclusive): fixedCount++; break;
                case (null or Inconclusive, Fail): newFailure++; break;
                case (Fail, Fail): stillFailing++; break;
                case (null or Inconclusive, Pass): newPass++; break;
                case (null, Inconclusive): appeared++; break;
            }

            if (a is not null && b is null)
            {
                disappeared++;
            }
        }

        return new CompareChangeCounts(regression, fixedCount, newFailure, stillFailing, newPass, appeared, disappeared);
    }
}
