using System.Text.Json;
using KernelCI.Kcidb.Ingestion;

namespace KernelCI.Kcidb.Tests.Ingestion;

/// <summary>Objects that are the origin's are passed on their UTF-8; the others get the messages built from strings.</summary>
public sealed class OriginOwnershipTests
{
    [Fact]
    public void Objects_of_the_token_origin_pass()
    {
        Assert.Empty(Violations("""{"tests": [{"id": "o:1", "origin": "o"}, {"id": "o:2"}, {"id": "plain"}, {"origin": "o"}]}"""));
    }

    [Fact]
    public void Other_origin_field_is_reported_with_the_id()
    {
        Assert.Equal(
            ["builds[1] (id o:2): origin 'p' does not match the token's origin 'o'"],
            Violations("""{"builds": [{"id": "o:1", "origin": "o"}, {"id": "o:2", "origin": "p"}]}"""));
    }

    [Fact]
    public void Other_id_prefix_is_reported()
    {
        Assert.Equal(
            ["tests[0] (id p:1): id prefix 'p' does not match the token's origin 'o'"],
            Violations("""{"tests": [{"id": "p:1", "origin": "o"}]}"""));
    }

    [Fact]
    public void Escaped_id_and_origin_are_compared_as_decoded()
    {
        Assert.Empty(Violations("""{"tests": [{"id": "\u006f:1", "origin": "\u006f"}, {"id": "o\u003a2"}]}"""));
        Assert.Equal(
            ["tests[0] (id p:1): id prefix 'p' does not match the token's origin 'o'"],
            Violations("""{"tests": [{"id": "p\u003a1"}]}"""));
    }

    [Fact]
    public void Repeated_field_is_judged_by_its_last_value()
    {
        Assert.Empty(Violations("""{"tests": [{"id": "p:1", "origin": "p", "id": "o:1", "origin": "o"}]}"""));
        Assert.Equal(
            ["tests[0] (id p:1): origin 'p' does not match the token's origin 'o'"],
            Violations("""{"tests": [{"id": "o:1", "origin": "o", "id": "p:1", "origin": "p"}]}"""));
    }

    [Fact]
    public void Prefix_longer_than_the_origin_is_reported()
    {
        Assert.Equal(
            ["checkouts[0] (id oo:1): id prefix 'oo' does not match the token's origin 'o'"],
            Violations("""{"checkouts": [{"id": "oo:1"}]}"""));
    }

    private static IReadOnlyList<string> Violations(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OriginOwnership.Violations(document.RootElement, "o");
    }
}
