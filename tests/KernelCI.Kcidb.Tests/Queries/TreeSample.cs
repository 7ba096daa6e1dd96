using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Queries;

/// <summary>Two checkouts; c1 has builds b1 (tests t1, t2) and b2 (test t3); incident n1 ties issue i1 v1 to t1,
/// n2 ties i1 v2 to b2; checkout c2 has build b3 with no tests.</summary>
internal static class TreeSample
{
    public static AcceptedSubmission Submission { get; } = KcidbSamples.Submission("tree", """
        "checkouts": [
            {"id": "o:c1", "origin": "o", "valid": true, "start_time": "2024-01-01T00:00:00+00:00"},
            {"id": "o:c2", "origin": "o", "start_time": "2024-01-02T00:00:00+00:00"}],
        "builds": [
            {"id": "o:b1", "origin": "o", "checkout_id": "o:c1", "status": "PASS", "architecture": "x86_64"},
            {"id": "o:b2", "origin": "o", "checkout_id": "o:c1", "status": "FAIL", "architecture": "arm64"},
            {"id": "o:b3", "origin": "o", "checkout_id": "o:c2", "status": "PASS"}],
        "tests": [
            {"id": "o:t1", "origin": "o", "build_id": "o:b1", "status": "PASS"},
            {"id": "o:t2", "origin": "o", "build_id": "o:b1", "status": "SKIP"},
            {"id": "o:t3", "origin": "o", "build_id": "o:b2"}],
        "issues": [
            {"id": "o:i1", "version": 1, "origin": "o"},
            {"id": "o:i1", "version": 2, "origin": "o"}],
        "incidents": [
            {"id": "o:n1", "origin": "o", "issue_id": "o:i1", "issue_version": 1, "test_id": "o:t1"},
            {"id": "o:n2", "origin": "o", "issue_id": "o:i1", "issue_version": 2, "build_id": "o:b2"}]
        """);
}
