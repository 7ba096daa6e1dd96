using KernelCI.Dashboard.Trees.Compare;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class ComparePairingTests
{
    [Theory]
    [InlineData("PASS", "FAIL", "regression")]
    [InlineData("PASS", "INCONCLUSIVE", "regression")]
    [InlineData("FAIL", "PASS", "fixed")]
    [InlineData("FAIL", "INCONCLUSIVE", "fixed")]
    [InlineData(null, "FAIL", "newFailure")]
    [InlineData("INCONCLUSIVE", "FAIL", "newFailure")]
    [InlineData("FAIL", "FAIL", "stillFailing")]
    [InlineData(null, "PASS", "newPass")]
    [InlineData("INCONCLUSIVE", "PASS", "newPass")]
    [InlineData(null, "INCONCLUSIVE", "appeared")]
    [InlineData("PASS", null, "disappeared")]
    [InlineData("FAIL", null, "disappeared")]
    public void Each_transition_counts_once(string? a, string? b, string change)
    {
        var counts = ComparePairing.Count([("k", a, b)]);

        var all = new Dictionary<string, long>
        {
            ["regression"] = counts.Regression, ["fixed"] = counts.Fixed, ["newFailure"] = counts.NewFailure,
            ["stillFailing"] = counts.StillFailing, ["newPass"] = counts.NewPass, ["appeared"] = counts.Appeared,
            ["disappeared"] = counts.Disappeared,
        };
        Assert.Equal(1, all[change]);
        Assert.Equal(1, all.Values.Sum());
    }

    [Theory]
    [InlineData("PASS", "PASS")]
    [InlineData("INCONCLUSIVE", "INCONCLUSIVE")]
    [InlineData("INCONCLUSIVE", null)]
    public void Unchanged_pairs_count_nothing_but_a_disappearance(string? a, string? b)
    {
        var counts = ComparePairing.Count([("k", a, b)]);

        Assert.Equal(a is not null && b is null ? 1 : 0, counts.Disappeared);
        Assert.Equal(0, counts.Regression + counts.Fixed + counts.NewFailure + counts.StillFailing + counts.NewPass + counts.Appeared);
    }

    [Theory]
    [InlineData("PASS", "FAIL", true)]
    [InlineData("FAIL", "FAIL", true)]
    [InlineData(null, "PASS", true)]
    [InlineData("PASS", "PASS", false)]
    [InlineData("INCONCLUSIVE", "INCONCLUSIVE", false)]
    public void Diff_lists_hold_changes_and_failures_on_both_sides(string? a, string? b, bool listed) =>
        Assert.Equal(listed, ComparePairing.IsListed(a, b));

    [Fact]
    public void Pairs_cover_both_sides_in_key_order()
    {
        var pairs = ComparePairing.Pair(
            new Dictionary<string, string> { ["b"] = "PASS", ["a"] = "FAIL" },
            new Dictionary<string, string> { ["c"] = "PASS", ["a"] = "PASS" }, StringComparer.Ordinal);

        Assert.Equal([("a", "FAIL", "PASS"), ("b", "PASS", null), ("c", null, "PASS")], pairs);
    }

    [Theory]
    [InlineData("PASS", "PASS")]
    [InlineData("FAIL", "FAIL")]
    [InlineData("SKIP", "INCONCLUSIVE")]
    [InlineData("NULL", "INCONCLUSIVE")]
    [InlineData(null, "INCONCLUSIVE")]
    public void Raw_statuses_group_as_upstream(string? raw, string grouped) => Assert.Equal(grouped, ComparePairing.Group(raw));

    [Fact]
    public void Counting_two_sides_unordered_gives_the_counts_of_their_ordered_pairs()
    {
        string?[] statuses = ["PASS", "FAIL", "INCONCLUSIVE", null];
        var random = new Random(18);
        var sideA = new Dictionary<string, string>(StringComparer.Ordinal);
        var sideB = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 2_000; i++)
        {
            if (statuses[random.Next(4)] is { } a)
            {
                sideA["k" + i] = a;
            }

            if (statuses[random.Next(4)] is { } b)
            {
                sideB["k" + i] = b;
            }
        }

        Assert.Equal(ComparePairing.Count(ComparePairing.Pair(sideA, sideB, StringComparer.Ordinal)), ComparePairing.Count(sideA, sideB));
    }
}
