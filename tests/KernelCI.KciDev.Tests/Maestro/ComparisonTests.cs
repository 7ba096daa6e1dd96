using System.Text.Json.Nodes;
using KernelCI.KciDev.Maestro.Validate;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>How `validate` matches nodes with dashboard rows (kci-dev.md §3.3), on the rules' edge cases.</summary>
public sealed class ComparisonTests
{
    [Fact]
    public void Retried_incomplete_build_is_not_expected_on_the_dashboard()
    {
        // Given an incomplete first attempt and its passed retry, of which the dashboard has the retry
        List<JsonObject> maestro = [Node("a", "incomplete", retries: 0), Node("b", "pass")];

        var row = Comparison.Row("builds", "t/b", "c", maestro, [Item("maestro:b", "PASS")]);

        // Then nothing is missing, but the counts still differ, as upstream counts every node
        Assert.Empty(row.MissingIds);
        Assert.False(row.Matches);
    }

    [Fact]
    public void Third_retry_that_stayed_incomplete_is_expected()
    {
        var missing = Comparison.Missing("builds", [Node("a", "incomplete", retries: 3)], []);

        Assert.Equal(["a"], missing);
    }

    [Fact]
    public void Failed_boot_before_its_third_retry_is_not_expected()
    {
        var missing = Comparison.Missing("boots", [Node("a", "fail", retries: 1)], []);

        Assert.Empty(missing);
    }

    [Fact]
    public void Dashboard_rows_unknown_to_maestro_are_missing_when_the_dashboard_has_more()
    {
        var missing = Comparison.Missing("builds", [], [Item("maestro:x", "PASS")]);

        Assert.Equal(["x"], missing);
    }

    [Theory]
    [InlineData("builds", "incomplete", null, "ERROR")]
    [InlineData("boots", "incomplete", "Infrastructure", "ERROR")]
    [InlineData("boots", "incomplete", "submit_error", "MISS")]
    [InlineData("boots", "incomplete", "something_else", null)]
    [InlineData("boots", "skip", null, null)]
    [InlineData("boots", "fail", null, "FAIL")]
    public void Node_result_maps_to_the_dashboard_status(string kind, string result, string? errorCode, string? status)
    {
        var node = Node("a", result);
        node["data"] = new JsonObject { ["error_code"] = errorCode };

        Assert.Equal(status, Comparison.Expected(kind, node));
    }

    [Fact]
    public void Status_mismatch_names_the_node()
    {
        var mismatches = Comparison.StatusMismatches("builds", [Node("a", "fail"), Node("b", "pass")], [Item("maestro:a", "PASS"), Item("maestro:b", "PASS")]);

        Assert.Equal(["a"], mismatches);
    }

    private static JsonObject Node(string id, string result, int retries = 0) => new() { ["id"] = id, ["result"] = result, ["retry_counter"] = retries };

    private static JsonObject Item(string id, string status) => new() { ["id"] = id, ["status"] = status };
}
