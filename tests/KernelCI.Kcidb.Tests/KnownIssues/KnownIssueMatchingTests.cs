using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.KnownIssues;

/// <summary>Known issues' matchers applied to every origin's results (docs/regressions.md, "Known issues").</summary>
public sealed class KnownIssueMatchingTests
{
    private const string Issue = "maestro:known_boot_qemu";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Matching_result_of_another_origin_gets_an_incident_and_a_non_matching_one_none(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot*", "platform": "qemu-*"}""");
        await app.SettleAsync();

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", path: "boot.smoke", platform: "qemu-x86", buildStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "2", path: "boot.smoke", platform: "rpi4", buildStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "3", path: "kselftest.x", platform: "qemu-x86", buildStatus: "PASS"));
        await app.SettleAsync();

        Assert.Equal([(Issue, 1L, "lab:t1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Matcher_with_an_origin_matches_only_that_origin(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot", "origin": "lab"}""");
        await app.SettleAsync();

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildStatus: "PASS"));
        await app.SubmitAsync("other", KnownIssueTestApp.Results("other", "1", buildStatus: "PASS"));
        await app.SettleAsync();

        Assert.Equal([(Issue, 1L, "lab:t1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Log_regex_matcher_needs_a_matching_line_in_the_log(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot", "log_regex": "Unable to mount root fs on unknown-block\\(\\d+,\\d+\\)"}""");
        await app.SettleAsync();

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", testLog: new Uri(app.Logs.Localhost, "a/boot.log"), buildStatus: "PASS"));
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "2", testLog: new Uri(app.Logs.Localhost, "a/build.log"), buildStatus: "PASS"));
        await app.SettleAsync();

        Assert.Contains((Issue, 1L, "lab:t1"), await app.IncidentsAsync());
        Assert.DoesNotContain(await app.IncidentsAsync(), i => i.Issue == Issue && i.Result == "lab:t2");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_matcher_is_applied_to_the_results_already_stored(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildStatus: "PASS"));
        await app.SettleAsync();

        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot"}""");
        await app.SettleAsync();

        Assert.Equal([(Issue, 1L, "lab:t1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Changed_matcher_points_the_incidents_at_the_new_version(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot"}""");
        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildStatus: "PASS"));
        await app.SettleAsync();

        await KnownIssuesApiTests.SendAsync(app, HttpMethod.Put, "/known-issues/" + Issue, """{"comment": "seen on every qemu"}""");
        await app.SettleAsync();

        Assert.Equal([(Issue, 2L, "lab:t1")], await app.IncidentsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deleted_matcher_gives_no_new_incidents(DatabaseKind kind)
    {
        await using var app = await KnownIssueTestApp.StartAsync(kind);
        await CreateAsync(app, """{"name": "boot_qemu", "report_subject": "s", "test_path": "boot"}""");
        await app.SettleAsync();
        await KnownIssuesApiTests.SendAsync(app, HttpMethod.Delete, "/known-issues/" + Issue, null);

        await app.SubmitAsync("lab", KnownIssueTestApp.Results("lab", "1", buildStatus: "PASS"));
        await app.SettleAsync();

        Assert.Empty(await app.IncidentsAsync());
    }

    private static async Task CreateAsync(KnownIssueTestApp app, string body)
    {
        var (status, reply) = await KnownIssuesApiTests.SendAsync(app, HttpMethod.Post, "/known-issues", body);
        Assert.True(status == System.Net.HttpStatusCode.Created, reply.ToJsonString());
    }
}
