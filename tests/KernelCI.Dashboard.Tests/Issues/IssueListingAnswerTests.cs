using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Issues;

/// <summary>The listing's answer on IssueListingSeed, field for field and byte for byte: Expected is what the listing
/// answered before its read was rewritten for speed (docs/dashboard-api.md, "Issues").</summary>
public sealed class IssueListingAnswerTests
{
    private const string Expected = """
        {"issues":[{"field_timestamp":"2026-01-01T10:06:00Z","id":"maestro:i5","comment":"flaky boot (v2) é","origin":"maestro","version":2,"culprit_code":null,"culprit_tool":null,"culprit_harness":null,"categories":["boot","flaky"]},{"field_timestamp":"2026-01-01T10:05:00Z","id":"maestro:i5","comment":"flaky <boot> & \"more\"","origin":"maestro","version":1,"culprit_code":null,"culprit_tool":true,"culprit_harness":null,"categories":null},{"field_timestamp":"2026-01-01T10:03:00Z","id":"redhat:i3","comment":"quiet issue","origin":"redhat","version":1,"culprit_code":null,"culprit_tool":true,"culprit_harness":null,"categories":null},{"field_timestamp":"2026-01-01T10:02:00Z","id":"maestro:i2","comment":"boot hangs","origin":"maestro","version":1,"culprit_code":null,"culprit_tool":null,"culprit_harness":true,"categories":["boot"]},{"field_timestamp":"2026-01-01T10:01:00Z","id":"maestro:i1","comment":"build breaks (v2)","origin":"maestro","version":2,"culprit_code":true,"culprit_tool":null,"culprit_harness":null,"categories":["compile"]},{"field_timestamp":"2026-01-01T10:00:00Z","id":"maestro:i1","comment":"build breaks","origin":"maestro","version":1,"culprit_code":true,"culprit_tool":null,"culprit_harness":null,"categories":["compile"]}],"extras":{"maestro:i1":{"first_seen":"2026-01-02T10:00:00Z","git_commit_hash":"1111111111111111111111111111111111111111","git_repository_url":"https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git","git_repository_branch":"master","git_commit_name":"v6.99-rc1","tree_name":"mainline","issue_version":1,"checkout_id":"maestro:ck1"},"maestro:i2":{"first_seen":"2026-01-02T10:00:02Z","git_commit_hash":"1111111111111111111111111111111111111111","git_repository_url":"https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git","git_repository_branch":"master","git_commit_name":"v6.99-rc1","tree_name":"mainline","issue_version":1,"checkout_id":"maestro:ck1"},"maestro:i5":{"first_seen":"2026-01-02T10:00:04Z","git_commit_hash":"2222222222222222222222222222222222222222","git_repository_url":"https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git","git_repository_branch":"master","git_commit_name":"next-20991231","tree_name":"next","issue_version":1,"checkout_id":"maestro:ck2"},"maestro:i6":{"first_seen":"2026-01-02T10:00:06Z","git_commit_hash":"1111111111111111111111111111111111111111","git_repository_url":"https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git","git_repository_branch":"master","git_commit_name":"v6.99-rc1","tree_name":"mainline","issue_version":1,"checkout_id":"maestro:ck1"}},"filters":{"origins":["maestro","redhat"],"culprits":["code","harness","tool"],"categories":["boot","compile","flaky"]}}
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_answer_is_byte_for_byte_the_one_before_the_fast_read(DatabaseKind kind)
    {
        await using var app = await IssueListingSeed.StartAsync(kind);

        var body = await GetAsync(app, "/api/issue/?" + IssueListingSeed.Window);

        Assert.Equal(Expected, body);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_first_incident_puts_null_timestamps_last(DatabaseKind kind)
    {
        await using var app = await IssueListingSeed.StartAsync(kind);

        var first = JsonNode.Parse(await GetAsync(app, "/api/issue/?" + IssueListingSeed.Window))!["extras"]!["maestro:i5"]!;

        Assert.Equal("maestro:ck2", (string?)first["checkout_id"]);
        Assert.Equal("2026-01-02T10:00:04Z", (string?)first["first_seen"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_keeps_a_version_whose_test_arrived_after_its_incident(DatabaseKind kind)
    {
        await using var app = await IssueListingSeed.StartAsync(kind);

        var issues = JsonNode.Parse(await GetAsync(app, "/api/issue/?" + IssueListingSeed.Window))!["issues"]!.AsArray();

        Assert.Equal([1L, 2L], issues.Where(i => (string?)i!["id"] == "maestro:i5").Select(i => (long)i!["version"]!).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Listing_drops_every_version_of_an_issue_when_one_version_reaches_no_tree(DatabaseKind kind)
    {
        await using var app = await IssueListingSeed.StartAsync(kind);

        var listing = JsonNode.Parse(await GetAsync(app, "/api/issue/?" + IssueListingSeed.Window))!;

        Assert.DoesNotContain(listing["issues"]!.AsArray(), i => (string?)i!["id"] is "maestro:i6" or "maestro:i7");
        Assert.Equal("maestro:ck1", (string?)listing["extras"]!["maestro:i6"]!["checkout_id"]);
        Assert.False(listing["extras"]!.AsObject().ContainsKey("maestro:i7"));
    }

    private static async Task<string> GetAsync(DashboardTestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
