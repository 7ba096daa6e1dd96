using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

// Cases from upstream kcidb-io's test_v04_00.py and test_v03_00.py, upgraded all the way to v5.3.
public sealed class UpgradeFromV3Tests
{
    private const string V3 = """{"major": 3, "minor": 0}""";
    private const string Commit = "5e29d1443c46b6ca70a4c940a67e8c09f05dcb7e";
    private const string Patchset = "01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b";

    [Fact]
    public void Revisions_become_checkouts_with_placeholder_origin_ids()
    {
        var result = Process($$"""
            {"version": {{V3}},
             "revisions": [{"id": "{{Commit}}", "origin": "origin1"}, {"id": "{{Commit}}+{{Patchset}}", "origin": "origin2"}],
             "builds": [{"revision_id": "{{Commit}}", "id": "origin1:1", "origin": "origin1"},
                        {"revision_id": "{{Commit}}+{{Patchset}}", "id": "origin2:2", "origin": "origin2"}],
             "tests": [{"build_id": "origin1:1", "id": "origin4:1-1", "origin": "origin4"},
                       {"build_id": "origin2:2", "id": "origin6:2-1", "origin": "origin6"}]}
            """);

        AssertSameJson($$"""
            {"version": {{V53}},
             "checkouts": [{"id": "_:origin1:{{Commit}}", "origin": "origin1", "patchset_hash": ""},
                           {"id": "_:origin2:{{Commit}}+{{Patchset}}", "origin": "origin2", "patchset_hash": "{{Patchset}}"}],
             "builds": [{"checkout_id": "_:origin1:{{Commit}}", "id": "origin1:1", "origin": "origin1"},
                        {"checkout_id": "_:origin2:{{Commit}}+{{Patchset}}", "id": "origin2:2", "origin": "origin2"}],
             "tests": [{"build_id": "origin1:1", "id": "origin4:1-1", "origin": "origin4"},
                       {"build_id": "origin2:2", "id": "origin6:2-1", "origin": "origin6"}]}
            """, result.Document);
    }

    [Fact]
    public void Build_checkout_id_uses_the_build_origin()
    {
        var result = Process($$"""{"version": {{V3}}, "builds": [{"revision_id": "{{Commit}}", "id": "origin3:2", "origin": "origin3"}]}""");

        Assert.Equal($"_:origin3:{Commit}", result.Document.GetProperty("builds")[0].GetProperty("checkout_id").GetString());
    }

    [Fact]
    public void Patch_mboxes_become_patchset_files()
    {
        var result = Process($$"""
            {"version": {{V3}}, "revisions": [
              {"id": "{{Commit}}", "origin": "origin1", "patch_mboxes": [{"name": "0001.patch", "url": "https://example.com/0001.patch"}]},
              {"id": "6150cc0cf631fdf766321368464e9f403fef3428", "origin": "origin2", "patch_mboxes": []}]}
            """);

        AssertSameJson($$"""
            {"version": {{V53}}, "checkouts": [
              {"id": "_:origin1:{{Commit}}", "origin": "origin1", "patchset_hash": "",
               "patchset_files": [{"name": "0001.patch", "url": "https://example.com/0001.patch"}]},
              {"id": "_:origin2:6150cc0cf631fdf766321368464e9f403fef3428", "origin": "origin2", "patchset_files": [], "patchset_hash": ""}]}
            """, result.Document);
    }

    [Fact]
    public void Discovery_time_becomes_start_time()
    {
        var result = Process($$"""{"version": {{V3}}, "revisions": [{"id": "{{Commit}}", "origin": "o", "discovery_time": "2020-08-14T23:08:06.967000+00:00"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "checkouts": [{"id": "_:o:{{Commit}}", "origin": "o", "patchset_hash": "", "start_time": "2020-08-14T23:08:06.967000+00:00"}]}""", result.Document);
    }

    [Fact]
    public void Publishing_time_is_dropped()
    {
        var result = Process($$"""{"version": {{V3}}, "revisions": [{"id": "{{Commit}}", "origin": "o", "publishing_time": "2020-08-14T23:08:06.967000+00:00"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "checkouts": [{"id": "_:o:{{Commit}}", "origin": "o", "patchset_hash": ""}]}""", result.Document);
    }

    [Fact]
    public void Descriptions_become_comments()
    {
        var result = Process($$"""
            {"version": {{V3}},
             "revisions": [{"id": "{{Commit}}", "origin": "origin1", "description": "A revision"}],
             "builds": [{"revision_id": "{{Commit}}", "id": "origin2:1", "origin": "origin2", "description": "A build"}],
             "tests": [{"build_id": "origin2:1", "id": "origin4:1-1", "origin": "origin4", "description": "A test",
                        "environment": {"description": "A board"} }]}
            """);

        AssertSameJson($$"""
            {"version": {{V53}},
             "checkouts": [{"id": "_:origin1:{{Commit}}", "origin": "origin1", "patchset_hash": "", "comment": "A revision"}],
             "builds": [{"checkout_id": "_:origin2:{{Commit}}", "id": "origin2:1", "origin": "origin2", "comment": "A build"}],
             "tests": [{"build_id": "origin2:1", "id": "origin4:1-1", "origin": "origin4", "comment": "A test",
                        "environment": {"comment": "A board"} }]}
            """, result.Document);
    }

    [Fact]
    public void Git_commit_fields_are_kept()
    {
        var result = Process($$"""{"version": {{V3}}, "revisions": [{"id": "{{Commit}}", "origin": "origin1", "git_commit_hash": "{{Commit}}", "git_commit_name": "foo"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "checkouts": [{"id": "_:origin1:{{Commit}}", "origin": "origin1", "patchset_hash": "", "git_commit_hash": "{{Commit}}", "git_commit_name": "foo"}]}""", result.Document);
    }

    [Fact]
    public void Build_valid_false_becomes_FAIL_through_both_upgrades()
    {
        var result = Process($$"""{"version": {{V3}}, "builds": [{"revision_id": "{{Commit}}", "id": "o:1", "origin": "o", "valid": false}]}""");

        Assert.Equal("FAIL", result.Document.GetProperty("builds")[0].GetProperty("status").GetString());
    }

    [Fact]
    public void Waived_test_becomes_an_incident_through_both_upgrades()
    {
        var result = Process($$"""{"version": {{V3}}, "tests": [{"build_id": "o:1", "id": "o:t", "origin": "o", "waived": true}]}""");

        Assert.Equal("_:waived:1:o:t", result.Document.GetProperty("incidents")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void V3_revision_id_must_be_a_commit_hash()
    {
        var result = Process($$"""{"version": {{V3}}, "revisions": [{"id": "o:{{Commit}}", "origin": "o"}]}""");

        AssertSingleError(result, "revisions[0].id: \"o:");
    }
}
