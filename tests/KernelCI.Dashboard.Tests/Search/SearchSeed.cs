namespace KernelCI.Dashboard.Tests.Search;

/// <summary>Three trees, a handful of builds, tests and issues whose ids, hashes and names overlap on purpose, so each
/// search below has one known answer.</summary>
internal static class SearchSeed
{
    public const string HashC1 = "abcdef0123456789abcdef0123456789abcdef01";
    public const string HashC2 = "abcd111122223333444455556666777788889999";
    public const string HashC3 = "1234aaaabbbbccccddddeeeeffff000011112222";

    public const string Document = $$"""
        {"version": {"major": 5, "minor": 3},
         "checkouts": [
           {"id": "maestro:c1", "origin": "maestro", "tree_name": "mainline", "git_repository_branch": "master",
            "git_repository_url": "https://git.kernel.org/torvalds/linux.git", "git_commit_hash": "{{HashC1}}",
            "git_commit_name": "v6.14-rc3-12-gabcdef012345", "start_time": "2026-01-01T00:00:00+00:00"},
           {"id": "maestro:c2", "origin": "maestro", "tree_name": "mainline", "git_repository_branch": "master",
            "git_repository_url": "https://git.kernel.org/torvalds/linux.git", "git_commit_hash": "{{HashC2}}",
            "git_commit_name": "v6.14", "git_commit_tags": ["v6.14"], "start_time": "2026-01-05T00:00:00+00:00"},
           {"id": "maestro:c3", "origin": "maestro", "tree_name": "next", "git_repository_branch": "master",
            "git_repository_url": "https://git.kernel.org/next/linux-next.git", "git_commit_hash": "{{HashC3}}",
            "git_commit_name": "next-20260103", "git_commit_tags": ["next-20260103", "extra"],
            "start_time": "2026-01-03T00:00:00+00:00"},
           {"id": "maestro:c4", "origin": "maestro", "tree_name": "stable-rc", "git_repository_branch": "linux-6.1.y",
            "git_commit_hash": "9999000011112222333344445555666677778888", "start_time": "2026-01-02T00:00:00+00:00"}
         ],
         "builds": [
           {"id": "maestro:b1", "origin": "maestro", "checkout_id": "maestro:c1", "config_name": "defconfig",
            "architecture": "x86_64", "status": "PASS", "start_time": "2026-01-01T01:00:00+00:00"},
           {"id": "maestro:abcd0001", "origin": "maestro", "checkout_id": "maestro:c2", "config_name": "tinyconfig",
            "architecture": "arm64", "status": "FAIL", "start_time": "2026-01-06T01:00:00+00:00"},
           {"id": "next:b9", "origin": "next", "checkout_id": "maestro:c3", "status": "PASS",
            "start_time": "2026-01-03T01:00:00+00:00"}
         ],
         "tests": [
           {"id": "maestro:t1", "origin": "maestro", "build_id": "maestro:b1", "path": "boot", "status": "PASS",
            "start_time": "2026-01-01T02:00:00+00:00"},
           {"id": "maestro:t2", "origin": "maestro", "build_id": "maestro:b1", "path": "kselftest.cpufreq.main", "status": "PASS",
            "start_time": "2026-01-01T03:00:00+00:00"},
           {"id": "maestro:t3", "origin": "maestro", "build_id": "maestro:abcd0001", "path": "kselftest.cpufreq.main",
            "status": "FAIL", "start_time": "2026-01-06T03:00:00+00:00"},
           {"id": "maestro:t30", "origin": "maestro", "build_id": "maestro:abcd0001", "path": "kselftest.timers.posix",
            "status": "PASS", "start_time": "2026-01-07T03:00:00+00:00"}
         ],
         "issues": [
           {"id": "maestro:i1", "version": 1, "origin": "maestro", "comment": "old words"},
           {"id": "maestro:i1", "version": 2, "origin": "maestro", "comment": "new words"}
         ]}
        """;
}
