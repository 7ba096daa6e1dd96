using System.Globalization;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Issues;

/// <summary>A small hand-written KCIDB world for the issue, build, test and metrics endpoints, with known answers:
/// <list type="bullet">
/// <item>mainline/master (ck1, the mainline URL): build b1 (arm64, FAIL) and b2 (x86_64, PASS); b2 has boot t1
/// (FAIL, beagle, lab lava-a) and test t2 (kselftest.timers, PASS, lab lava-b).</item>
/// <item>next/master (ck2, the linux-next URL): build b3 (arm64, FAIL, no issue) with boot t3 (ERROR, no issue).</item>
/// <item>maestro:i1 v1 and v2 (culprit code, category compile): an incident on b1 at each version.</item>
/// <item>maestro:i2 v1 (culprit harness, category boot): an incident on t1.</item>
/// <item>redhat:i3 v1: no incident. maestro:i4 v1: one incident on a build nobody sent (it reaches no tree).</item>
/// </list>
/// Builds started yesterday, except b3 eight days ago (the previous metrics week).</summary>
internal static class IssueSeed
{
    public const string MainlineUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    public const string NextUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git";
    public const string MainlineCommit = "1111111111111111111111111111111111111111";
    public const string NextCommit = "2222222222222222222222222222222222222222";

    public static string[] Documents(DateTimeOffset now)
    {
        var yesterday = Iso(now.AddDays(-1));
        var lastWeek = Iso(now.AddDays(-8));
        var trees = $$$"""
            {"version": {"major": 5, "minor": 3},
             "checkouts": [
               {"id": "maestro:ck1", "origin": "maestro", "tree_name": "mainline", "git_repository_url": "{{{MainlineUrl}}}",
                "git_repository_branch": "master", "git_commit_hash": "{{{MainlineCommit}}}", "git_commit_name": "v6.99-rc1",
                "git_commit_tags": ["v6.99-rc1"], "start_time": "{{{yesterday}}}", "valid": true},
               {"id": "maestro:ck2", "origin": "maestro", "tree_name": "next", "git_repository_url": "{{{NextUrl}}}",
                "git_repository_branch": "master", "git_commit_hash": "{{{NextCommit}}}", "git_commit_name": "next-20991231",
                "start_time": "{{{lastWeek}}}", "valid": true}],
             "builds": [
               {"id": "maestro:b1", "origin": "maestro", "checkout_id": "maestro:ck1", "architecture": "arm64",
                "config_name": "defconfig", "compiler": "gcc-12", "status": "FAIL", "start_time": "{{{yesterday}}}", "duration": 61.5,
                "log_url": "https://logs.example.org/b1.log.gz", "config_url": "https://logs.example.org/b1.config",
                "command": "make -j8", "log_excerpt": "error: boom", "misc": {"lab": "builder"},
                "output_files": [{"name": "kernel", "url": "https://logs.example.org/b1/Image"}]},
               {"id": "maestro:b2", "origin": "maestro", "checkout_id": "maestro:ck1", "architecture": "x86_64",
                "config_name": "x86_64_defconfig", "compiler": "gcc-12", "status": "PASS", "start_time": "{{{yesterday}}}",
                "log_url": "https://logs.example.org/b2.log.gz", "config_url": "https://logs.example.org/b2.config"},
               {"id": "maestro:b3", "origin": "maestro", "checkout_id": "maestro:ck2", "architecture": "arm64",
                "config_name": "defconfig", "compiler": "clang-17", "status": "FAIL", "start_time": "{{{lastWeek}}}",
                "log_url": "https://logs.example.org/b3.log.gz", "config_url": "https://logs.example.org/b3.config"}],
             "tests": [
               {"id": "maestro:t1", "origin": "maestro", "build_id": "maestro:b2", "path": "boot", "status": "FAIL",
                "start_time": "{{{yesterday}}}", "duration": 12, "log_url": "https://logs.example.org/t1.log.gz",
                "environment": {"compatible": ["ti,beagle"], "misc": {"platform": "beagle"}}, "misc": {"runtime": "lava-a"}},
               {"id": "maestro:t2", "origin": "maestro", "build_id": "maestro:b2", "path": "kselftest.timers", "status": "PASS",
                "start_time": "{{{yesterday}}}", "log_url": "https://logs.example.org/t2.log.gz",
                "environment": {"misc": {"platform": "qemu-x86"}}, "misc": {"runtime": "lava-b"}},
               {"id": "maestro:t3", "origin": "maestro", "build_id": "maestro:b3", "path": "boot", "status": "ERROR",
                "start_time": "{{{lastWeek}}}", "log_url": "https://logs.example.org/t3.log.gz",
                "environment": {"compatible": ["rock,pi"], "misc": {"platform": "rockpi"}}, "misc": {"runtime": "lava-a"}}]}
            """;
        var issues = """
            {"version": {"major": 5, "minor": 3},
             "issues": [
               {"id": "maestro:i1", "version": 1, "origin": "maestro", "comment": "build breaks", "culprit": {"code": true},
                "categories": ["compile"], "report_url": "https://lore.example.org/i1"},
               {"id": "maestro:i1", "version": 2, "origin": "maestro", "comment": "build breaks (v2)", "culprit": {"code": true},
                "categories": ["compile"], "report_url": "https://lore.example.org/i1", "report_subject": "arm64 breaks",
                "misc": {"note": "second look"}},
               {"id": "maestro:i2", "version": 1, "origin": "maestro", "comment": "boot hangs", "culprit": {"harness": true},
                "categories": ["boot"]},
               {"id": "redhat:i3", "version": 1, "origin": "redhat", "comment": "quiet issue", "culprit": {"tool": true}},
               {"id": "maestro:i4", "version": 1, "origin": "maestro", "comment": "ghost"}]}
            """;
        var first = """
            {"version": {"major": 5, "minor": 3},
             "incidents": [
               {"id": "maestro:inc1", "origin": "maestro", "issue_id": "maestro:i1", "issue_version": 1, "build_id": "maestro:b1", "present": true},
               {"id": "maestro:inc3", "origin": "maestro", "issue_id": "maestro:i2", "issue_version": 1, "test_id": "maestro:t1", "present": true},
               {"id": "maestro:inc4", "origin": "maestro", "issue_id": "maestro:i4", "issue_version": 1, "build_id": "maestro:ghost", "present": true}]}
            """;
        var second = """
            {"version": {"major": 5, "minor": 3},
             "incidents": [
               {"id": "maestro:inc2", "origin": "maestro", "issue_id": "maestro:i1", "issue_version": 2, "build_id": "maestro:b1", "present": true}]}
            """;
        return [trees, issues, first, second];
    }

    public static async Task SeedAsync(DashboardTestApp app)
    {
        await app.SeedAsync(Documents(DateTimeOffset.UtcNow));
    }

    /// <summary>Sets a row's ingestion time, which the issue listing and the metrics window on. Written outside
    /// ingestion, so it sets a new issue listing stamp as well, as a restore's recomputation would.</summary>
    public static async Task SetTimestampAsync(DashboardTestApp app, string table, string id, DateTimeOffset time)
    {
        await using var db = new DashboardDb(app.Database);
        await using var connection = await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {table} SET _timestamp = @time WHERE id = @id; UPDATE kcidb_change_stamps SET stamp = stamp + 1";
        db.Sql.AddTime(command, "time", time);
        command.AddParameter("id", id);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
