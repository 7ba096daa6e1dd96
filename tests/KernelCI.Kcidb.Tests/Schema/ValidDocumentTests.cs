using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class ValidDocumentTests
{
    private const string Full = """
        {
          "version": {"major": 5, "minor": 3},
          "checkouts": [{"id": "maestro:c1", "origin": "maestro", "tree_name": "mainline",
            "git_repository_url": "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
            "git_commit_hash": "5e29d1443c46b6ca70a4c940a67e8c09f05dcb7e", "git_commit_tags": ["v6.1"],
            "git_repository_branch_tip": true, "patchset_hash": "", "message_id": "<x@y>",
            "start_time": "2024-01-02T03:04:05.123456+00:00", "valid": true, "misc": {"any": [1, null]}}],
          "builds": [{"id": "maestro:b1", "origin": "maestro", "checkout_id": "maestro:c1", "architecture": "x86_64",
            "duration": 12.5, "status": "PASS", "output_files": [{"name": "bzImage", "url": "https://example.com/bzImage"}]}],
          "tests": [{"id": "maestro:t1", "origin": "maestro", "build_id": "maestro:b1", "path": "ltp.sem01",
            "status": "FAIL", "environment": {"comment": "board", "compatible": ["a,b", "c"], "misc": {"lab": "x"}},
            "number": {"value": 1.5, "unit": "s", "prefix": "metric"}, "input_files": [],
            "_timestamp": "2024-01-02T03:04:05Z"}],
          "issues": [{"id": "maestro:i1", "origin": "maestro", "version": 0, "categories": ["build.error"],
            "culprit": {"code": true, "tool": false, "harness": false}}],
          "incidents": [{"id": "maestro:n1", "origin": "maestro", "issue_id": "maestro:i1", "issue_version": 0,
            "test_id": "maestro:t1", "present": true}]
        }
        """;

    [Fact]
    public void Full_v5_3_document_is_valid()
    {
        var result = Process(Full);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Valid_v5_3_document_is_returned_as_is()
    {
        var root = Parse(Full);

        var result = KernelCI.Kcidb.Schema.KcidbDocuments.Process(root);

        Assert.True(result.IsValid);
        Assert.Equal(root, result.Document);
    }

    [Fact]
    public void Document_with_only_a_version_is_valid()
    {
        Assert.True(Process("""{"version": {"major": 5}}""").IsValid);
    }

    [Fact]
    public void Integer_field_accepts_a_float_with_zero_fraction()
    {
        Assert.True(Process(WithIssue("").Replace("\"version\": 1", "\"version\": 1.0", StringComparison.Ordinal)).IsValid);
    }

    [Fact]
    public void Misc_accepts_nul_characters()
    {
        Assert.True(Process(WithTest("""  "misc": {"x": "a\u0000b"}""")).IsValid);
    }

    [Fact]
    public void Id_need_not_start_with_the_origin()
    {
        Assert.True(Process("""{"version": {"major": 5, "minor": 3}, "checkouts": [{"id": "a:1", "origin": "b"}]}""").IsValid);
    }
}
