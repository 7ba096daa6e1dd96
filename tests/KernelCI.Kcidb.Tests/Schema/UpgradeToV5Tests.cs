using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

// Cases from upstream kcidb-io's test_v05_00.py, upgraded from v4.5 to v5.3.
public sealed class UpgradeToV5Tests
{
    private const string V45 = """{"major": 4, "minor": 5}""";

    private const string WaivedIssue = """{"id": "_:waived", "version": 1, "origin": "_", "comment": "Test waived as unreliable"}""";

    [Theory]
    [InlineData(4, 0)]
    [InlineData(4, 1)]
    [InlineData(4, 2)]
    [InlineData(4, 3)]
    [InlineData(4, 4)]
    [InlineData(4, 5)]
    [InlineData(5, 0)]
    [InlineData(5, 1)]
    [InlineData(5, 2)]
    public void Empty_document_upgrades_to_empty_v5_3(int major, int minor)
    {
        var result = Process($$"""{"version": {"major": {{major}}, "minor": {{minor}}} }""");

        AssertSameJson($$"""{"version": {{V53}}}""", result.Document);
    }

    [Fact]
    public void Checkout_contacts_are_dropped()
    {
        var result = Process($$"""{"version": {{V45}}, "checkouts": [{"id": "origin:1", "origin": "origin", "contacts": ["spbnick@gmail.com"]}, {"id": "origin:2", "origin": "origin", "contacts": []}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "checkouts": [{"id": "origin:1", "origin": "origin"}, {"id": "origin:2", "origin": "origin"}]}""", result.Document);
    }

    [Fact]
    public void Issue_build_valid_is_dropped()
    {
        var result = Process($$"""{"version": {{V45}}, "issues": [{"id": "origin:1", "origin": "origin", "version": 1, "build_valid": true}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "issues": [{"id": "origin:1", "origin": "origin", "version": 1}]}""", result.Document);
    }

    [Fact]
    public void Issue_test_status_is_dropped()
    {
        var result = Process($$"""{"version": {{V45}}, "issues": [{"id": "origin:2", "origin": "origin", "version": 1, "test_status": "PASS"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "issues": [{"id": "origin:2", "origin": "origin", "version": 1}]}""", result.Document);
    }

    [Fact]
    public void Build_with_valid_false_upgrades_to_FAIL()
    {
        var result = Process($$"""{"version": {{V45}}, "builds": [{"id": "origin:valid_false", "origin": "origin", "checkout_id": "origin:1", "valid": false}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "builds": [{"id": "origin:valid_false", "origin": "origin", "checkout_id": "origin:1", "status": "FAIL"}]}""", result.Document);
    }

    [Fact]
    public void Build_with_valid_true_upgrades_to_PASS()
    {
        var result = Process($$"""{"version": {{V45}}, "builds": [{"id": "origin:valid_true", "origin": "origin", "checkout_id": "origin:1", "valid": true}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "builds": [{"id": "origin:valid_true", "origin": "origin", "checkout_id": "origin:1", "status": "PASS"}]}""", result.Document);
    }

    [Fact]
    public void Build_without_valid_gets_no_status()
    {
        var result = Process($$"""{"version": {{V45}}, "builds": [{"id": "origin:valid_missing", "origin": "origin", "checkout_id": "origin:1"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "builds": [{"id": "origin:valid_missing", "origin": "origin", "checkout_id": "origin:1"}]}""", result.Document);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ltp")]
    [InlineData("ltp.memcpy")]
    [InlineData("ltp.memcpy.subtest")]
    public void Valid_test_path_is_kept(string path)
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "path": "{{path}}"}]}""");

        Assert.Equal(path, result.Document.GetProperty("tests")[0].GetProperty("path").GetString());
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("ltp.")]
    [InlineData("ltp..")]
    [InlineData(".ltp")]
    [InlineData("..ltp")]
    [InlineData("ltp..memcpy")]
    [InlineData("ltp.memcpy.")]
    [InlineData(".ltp.memcpy")]
    public void Invalid_test_path_makes_the_upgrade_impossible(string path)
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:1", "origin": "origin", "build_id": "origin:1", "path": "{{path}}"}]}""");

        AssertSingleError(result, $"tests[0].path: \"{path}\" is not a valid test path in v5");
    }

    [Fact]
    public void Test_without_waived_is_unchanged()
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:waived_missing", "origin": "origin", "build_id": "origin:1"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "tests": [{"id": "origin:waived_missing", "origin": "origin", "build_id": "origin:1"}]}""", result.Document);
    }

    [Fact]
    public void Waived_false_is_dropped_without_an_incident()
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:waived_false", "origin": "origin", "build_id": "origin:1", "waived": false}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "tests": [{"id": "origin:waived_false", "origin": "origin", "build_id": "origin:1"}]}""", result.Document);
    }

    [Fact]
    public void Waived_test_becomes_an_incident_of_the_waived_issue()
    {
        var result = Process($$"""{"version": {{V45}}, "tests": [{"id": "origin:waived_true", "origin": "origin", "build_id": "origin:1", "waived": true}]}""");

        AssertSameJson($$"""
            {"version": {{V53}},
             "tests": [{"id": "origin:waived_true", "origin": "origin", "build_id": "origin:1"}],
             "issues": [{{WaivedIssue}}],
             "incidents": [{"id": "_:waived:1:origin:waived_true", "origin": "_", "issue_id": "_:waived", "issue_version": 1,
                            "test_id": "origin:waived_true", "present": true}]}
            """, result.Document);
    }

    [Fact]
    public void Waived_issue_is_added_once_after_existing_issues()
    {
        var result = Process($$"""
            {"version": {{V45}},
             "tests": [{"id": "o:1", "origin": "o", "build_id": "o:b", "waived": true}, {"id": "o:2", "origin": "o", "build_id": "o:b", "waived": true}],
             "issues": [{"id": "o:i", "origin": "o", "version": 0}]}
            """);

        var issues = result.Document.GetProperty("issues");
        Assert.Equal(["o:i", "_:waived"], issues.EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.Equal(2, result.Document.GetProperty("incidents").GetArrayLength());
    }

    [Fact]
    public void Waived_issue_already_in_the_document_becomes_a_duplicate()
    {
        var result = Process($$"""
            {"version": {{V45}}, "issues": [{"id": "_:waived", "origin": "_", "version": 1}],
             "tests": [{"id": "o:1", "origin": "o", "build_id": "o:b", "waived": true}]}
            """);

        AssertSingleError(result, "issues[1]: duplicate issue id \"_:waived\" version 1");
    }

    [Fact]
    public void Non_https_repository_url_makes_the_upgrade_impossible()
    {
        var result = Process($$"""{"version": {{V45}}, "checkouts": [{"id": "origin:1", "origin": "origin", "git_repository_url": "git://git.armlinux.org.uk/~rmk/linux-arm.git"}]}""");

        AssertSingleError(result, "checkouts[0].git_repository_url: \"git://git.armlinux.org.uk/~rmk/linux-arm.git\" is not an https:// URL");
    }

    [Fact]
    public void Https_repository_url_is_kept()
    {
        var result = Process($$"""{"version": {{V45}}, "checkouts": [{"id": "origin:1", "origin": "origin", "git_repository_url": "https://git.armlinux.org.uk/~rmk/linux-arm.git"}]}""");

        AssertSameJson($$"""{"version": {{V53}}, "checkouts": [{"id": "origin:1", "origin": "origin", "git_repository_url": "https://git.armlinux.org.uk/~rmk/linux-arm.git"}]}""", result.Document);
    }

    [Fact]
    public void Deeply_nested_misc_is_upgraded()
    {
        var misc = string.Concat(Enumerable.Repeat("{\"a\": ", 200)) + "1" + new string('}', 200);
        var json = $$"""{"version": {{V45}}, "tests": [{"id": "o:1", "origin": "o", "build_id": "o:b", "misc": {{misc}} }]}""";
        using var document = System.Text.Json.JsonDocument.Parse(json, new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 });

        var result = KernelCI.Kcidb.Schema.KcidbDocuments.Process(document.RootElement);

        Assert.True(result.IsValid);
    }
}
