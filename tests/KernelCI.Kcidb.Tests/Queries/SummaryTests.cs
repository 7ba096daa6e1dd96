using KernelCI.Data;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

public sealed class SummaryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkout_summary_takes_the_most_important_status(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var summary = await api.GetJsonAsync("/api/checkouts/o:c1/summary");

        Assert.Equal("o:c1", (string?)summary["checkout_id"]);
        Assert.True((bool?)summary["valid"]);
        Assert.Equal("FAIL", (string?)summary["builds"]!["status"]);
        Assert.Equal(2, (long)summary["builds"]!["count"]!);
        Assert.Equal(1, (long)summary["builds"]!["by_status"]!["PASS"]!);
        Assert.Equal("PASS", (string?)summary["tests"]!["status"]);
        Assert.Equal(3, (long)summary["tests"]!["count"]!);
        Assert.Equal(1, (long)summary["tests"]!["by_status"]!["none"]!);
        Assert.Equal(1, (long)summary["tests"]!["by_status"]!["SKIP"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_summary_follows_upstream_precedence(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        string[] statuses = ["SKIP", "DONE", "PASS", "MISS", "ERROR", "FAIL"];
        await api.IngestAsync(KcidbSamples.Submission("b", """ "builds": [{"id": "o:b", "origin": "o", "checkout_id": "o:c"}]"""));
        for (var i = 0; i < statuses.Length; i++)
        {
            await api.IngestAsync(KcidbSamples.Submission("s" + i,
                $$""" "tests": [{"id": "o:t{{i}}", "origin": "o", "build_id": "o:b", "status": "{{statuses[i]}}"}]"""));
            var summary = await api.GetJsonAsync("/api/builds/o:b/summary");
            Assert.Equal(statuses[i], (string?)summary["tests"]!["status"]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_without_tests_has_no_status(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        var summary = await api.GetJsonAsync("/api/builds/o:b3/summary");

        Assert.Equal("PASS", (string?)summary["status"]);
        Assert.Null(summary["tests"]!["status"]);
        Assert.Equal(0, (long)summary["tests"]!["count"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_id_gets_404(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);

        var (status, detail) = await api.GetErrorAsync("/api/checkouts/o:nope/summary");
        Assert.Equal(404, status);
        Assert.Contains("o:nope", detail, StringComparison.Ordinal);
        Assert.Equal(404, (await api.GetErrorAsync("/api/builds/o:nope/summary")).Status);
    }
}
