using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Tests.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

public sealed class ListQueryTests
{
    // t5/t6 share a start time (ties go by id); t7/t8 have none and come last.
    private const string Tests = """
        "tests": [
            {"id": "o:t1", "origin": "o", "build_id": "o:b1", "status": "PASS", "path": "boot", "start_time": "2024-01-01T00:00:00+00:00"},
            {"id": "o:t2", "origin": "o", "build_id": "o:b1", "status": "FAIL", "path": "ltp.a", "start_time": "2024-01-02T00:00:00+00:00"},
            {"id": "o:t3", "origin": "p", "build_id": "o:b2", "status": "PASS", "path": "boot", "start_time": "2024-01-03T00:00:00+00:00"},
            {"id": "o:t4", "origin": "o", "build_id": "o:b2", "status": "FAIL", "path": "boot", "start_time": "2024-01-04T00:00:00+00:00"},
            {"id": "o:t6", "origin": "o", "build_id": "o:b2", "status": "PASS", "path": "boot", "start_time": "2024-01-05T00:00:00+00:00"},
            {"id": "o:t5", "origin": "o", "build_id": "o:b2", "status": "PASS", "path": "boot", "start_time": "2024-01-05T00:00:00+00:00"},
            {"id": "o:t8", "origin": "o", "build_id": "o:b3", "path": "boot"},
            {"id": "o:t7", "origin": "o", "build_id": "o:b3", "path": "boot"}]
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pages_go_newest_first_with_ties_by_id_and_undated_last(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(KcidbSamples.Submission("s", Tests));

        var ids = await ReadAllAsync(api, "/api/tests?limit=3");

        Assert.Equal(["o:t5", "o:t6", "o:t4", "o:t3", "o:t2", "o:t1", "o:t7", "o:t8"], ids);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Paging_is_the_same_at_any_page_size(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(KcidbSamples.Submission("s", Tests));

        var whole = await ReadAllAsync(api, "/api/tests?limit=1000");

        Assert.Equal(whole, await ReadAllAsync(api, "/api/tests?limit=1"));
        Assert.Equal(whole, await ReadAllAsync(api, "/api/tests?limit=7"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Filters_combine(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(KcidbSamples.Submission("s", Tests));

        Assert.Equal(["o:t4", "o:t2"], await ReadAllAsync(api, "/api/tests?status=FAIL"));
        Assert.Equal(["o:t5", "o:t6", "o:t4"], await ReadAllAsync(api, "/api/tests?origin=o&build_id=o:b2&limit=2"));
        Assert.Equal(["o:t3"], await ReadAllAsync(api, "/api/tests?origin=p&path=boot"));
        Assert.Equal(["o:t4", "o:t3"], await ReadAllAsync(api, "/api/tests?since=2024-01-03T00:00:00Z&until=2024-01-05T00:00:00Z"));
        Assert.Equal(["o:t2", "o:t1"], await ReadAllAsync(api, "/api/tests?until=2024-01-02T12:00:00%2B02:00&limit=1"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_checkouts_issues_and_incidents_filter_too(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await api.IngestAsync(TreeSample.Submission);

        Assert.Equal(["o:b2"], await ReadAllAsync(api, "/api/builds?checkout_id=o:c1&architecture=arm64"));
        Assert.Equal(["o:b1", "o:b3"], await ReadAllAsync(api, "/api/builds?status=PASS"));
        Assert.Equal(["o:c2", "o:c1"], await ReadAllAsync(api, "/api/checkouts?origin=o&limit=1"));
        Assert.Equal(["o:i1", "o:i1"], await ReadAllAsync(api, "/api/issues?origin=o&limit=1"));
        Assert.Equal(["o:n2"], await ReadAllAsync(api, "/api/incidents?build_id=o:b2"));
        Assert.Equal(["o:n1", "o:n2"], await ReadAllAsync(api, "/api/incidents?issue_id=o:i1&limit=1"));
        Assert.Empty(await ReadAllAsync(api, "/api/incidents?test_id=o:none"));
    }

    private static async Task<List<string>> ReadAllAsync(ApiContext api, string url)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = await api.GetJsonAsync(cursor is null ? url : $"{url}&cursor={cursor}");
            ids.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!));
            cursor = (string?)page["next_cursor"];
            Assert.True(ids.Count <= 100, "paging does not end");
        }
        while (cursor is not null);

        return ids;
    }
}
