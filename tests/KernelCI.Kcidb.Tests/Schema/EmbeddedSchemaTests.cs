using KernelCI.Kcidb.Schema;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class EmbeddedSchemaTests
{
    public static TheoryData<int, int> Versions() => [.. KcidbVersion.Supported.Select(v => (v.Major, v.Minor))];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_embedded_schema_compiles_and_accepts_its_empty_document(int major, int minor)
    {
        var context = new ValidationContext();

        KcidbSchemas.For(new KcidbVersion(major, minor)).Validate(Documents.Parse($$"""{"version": {"major": {{major}}, "minor": {{minor}}} }"""), context);

        Assert.Empty(context.Errors);
    }

    [Fact]
    public void Schema_is_compiled_once()
    {
        Assert.Same(KcidbSchemas.For(KcidbVersion.Latest), KcidbSchemas.For(new KcidbVersion(5, 3)));
    }
}
