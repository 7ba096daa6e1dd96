using System.Text.Json;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>Documents for storage tests, in the spirit of upstream's COMPREHENSIVE_IO_DATA (kcidb/test_db.py).</summary>
internal static class KcidbSamples
{
    public const string Checkout = """
        {"id": "origin:1", "origin": "origin", "tree_name": "mainline",
         "git_repository_url": "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
         "git_commit_hash": "ef2b753c38bc9c0d1eea84e29a6bb6f9e776d0e3", "git_commit_name": "v5.8-rc7-98-gef2b753c38bc",
         "git_commit_tags": ["v5.8", "stable"], "git_commit_message": "Merge tag 'x'", "git_repository_branch": "master",
         "git_repository_branch_tip": true,
         "patchset_files": [{"name": "0001.patch", "url": "https://example.com/0001.patch"}],
         "patchset_hash": "", "message_id": "abc@example.com", "comment": "a checkout",
         "start_time": "2020-08-14T23:08:06.967000+00:00", "origin_builds_finish_time": "2020-08-15T01:00:00.000000+00:00",
         "origin_tests_finish_time": "2020-08-15T02:00:00.000000+00:00", "log_url": "https://example.com/checkout.log",
         "log_excerpt": "error: x", "valid": true, "misc": {"foo": "bar", "baz": [1, 2]}}
        """;

    public const string Build = """
        {"id": "origin:1", "origin": "origin", "checkout_id": "origin:1", "comment": "a build",
         "start_time": "2020-08-14T23:08:06.967000+00:00", "duration": 600.5, "architecture": "x86_64",
         "command": "make", "compiler": "gcc (GCC) 10.1.0", "config_name": "defconfig",
         "config_url": "https://example.com/.config", "log_url": "https://example.com/build.log", "log_excerpt": "ok",
         "input_files": [{"name": "in", "url": "https://example.com/in"}],
         "output_files": [{"name": "bzImage", "url": "https://example.com/bzImage"}],
         "status": "PASS", "misc": {"platform": "qemu"}}
        """;

    public const string Test = """
        {"id": "origin:1", "origin": "origin", "build_id": "origin:1", "path": "ltp.sem01", "comment": "a test",
         "environment": {"comment": "a board", "compatible": ["ti,omap3-beagleboard", "ti,omap3"], "misc": {"lab": "lab-x"}},
         "log_url": "https://example.com/test.log", "log_excerpt": "fail", "status": "FAIL",
         "number": {"value": 1.5, "unit": "s", "prefix": "metric"},
         "start_time": "2020-08-14T23:08:06.967000+00:00", "duration": 10.25,
         "input_files": [{"name": "rootfs", "url": "https://example.com/rootfs"}],
         "output_files": [{"name": "dmesg", "url": "https://example.com/dmesg"}], "misc": {"job_id": 7}}
        """;

    public const string Issue = """
        {"id": "origin:1", "version": 1, "origin": "origin", "report_url": "https://example.com/bug/1",
         "report_subject": "it crashes", "culprit": {"code": true, "tool": false, "harness": false},
         "categories": ["boot.crash"], "comment": "an issue", "misc": {"x": 1}}
        """;

    public const string Incident = """
        {"id": "origin:1", "origin": "origin", "issue_id": "origin:1", "issue_version": 1, "build_id": "origin:1",
         "test_id": "origin:1", "present": true, "comment": "an incident", "misc": {"y": null}}
        """;

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A v5.3 document with the given object lists ("tests": [...]).</summary>
    public static AcceptedSubmission Submission(string id, string lists) =>
        new(id, Element("{\"version\": {\"major\": 5, \"minor\": 3}" + (lists.Length > 0 ? ", " + lists : "") + "}"));

    public static AcceptedSubmission Everything(string id = "s1") => Submission(id,
        $"\"checkouts\": [{Checkout}], \"builds\": [{Build}], \"tests\": [{Test}], \"issues\": [{Issue}], \"incidents\": [{Incident}]");
}
