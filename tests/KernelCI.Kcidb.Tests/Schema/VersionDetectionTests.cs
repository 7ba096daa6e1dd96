using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class VersionDetectionTests
{
    [Theory]
    [InlineData("""{"major": 6, "minor": 0}""", "version: unsupported version 6.0")]
    [InlineData("""{"major": 5, "minor": 4}""", "version: unsupported version 5.4")]
    [InlineData("""{"major": 4, "minor": 6}""", "version: unsupported version 4.6")]
    [InlineData("""{"major": 3, "minor": 1}""", "version: unsupported version 3.1")]
    [InlineData("""{"major": 2, "minor": 0}""", "version: unsupported version 2.0")]
    [InlineData("""{"major": 1}""", "version: unsupported version 1.0")]
    public void Unsupported_version_is_rejected(string version, string error)
    {
        AssertSingleError(Process($$"""{"version": {{version}}}"""), error);
    }

    [Fact]
    public void Missing_version_is_rejected()
    {
        AssertSingleError(Process("""{"tests": []}"""), "version: missing");
    }

    [Fact]
    public void Non_object_root_is_rejected()
    {
        AssertSingleError(Process("[]"), "version: ");
    }

    [Fact]
    public void String_version_is_rejected()
    {
        AssertSingleError(Process("""{"version": "5.3"}"""), "version: must be an object");
    }

    [Fact]
    public void Float_major_is_rejected_as_upstream_does()
    {
        AssertSingleError(Process("""{"version": {"major": 5.0, "minor": 3}}"""), "version: must be an object");
    }

    [Fact]
    public void Missing_minor_means_zero()
    {
        AssertSingleError(Process("""{"version": {"major": 5}, "builds": [{"id": "o:1", "origin": "o", "checkout_id": "o:1", "valid": true}]}"""), "builds[0]: unexpected field \"valid\"");
    }

    [Fact]
    public void Document_is_validated_against_its_own_version()
    {
        var result = Validate("""{"version": {"major": 4, "minor": 5}, "builds": [{"id": "o:1", "origin": "o", "checkout_id": "o:1", "valid": true}]}""");

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Field_added_in_a_later_minor_version_is_rejected()
    {
        var result = Validate("""{"version": {"major": 5, "minor": 2}, "tests": [{"id": "o:1", "origin": "o", "build_id": "o:1", "input_files": []}]}""");

        AssertSingleError(result, "tests[0]: unexpected field \"input_files\"");
    }

    [Fact]
    public void Validate_does_not_upgrade()
    {
        var root = Parse("""{"version": {"major": 4}}""");

        Assert.Equal(root, KernelCI.Kcidb.Schema.KcidbDocuments.Validate(root).Document);
    }
}
