using KernelCI.Kcidb.Schema.Validation;
using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class SchemaCompilerTests
{
    [Fact]
    public void Const_mismatch_is_rejected()
    {
        Assert.Equal(["x: 4 is not 5"], Check("""{"properties": {"x": {"const": 5}}}""", """{"x": 4}"""));
    }

    [Fact]
    public void Const_treats_one_and_one_point_zero_as_equal()
    {
        Assert.Empty(Check("""{"const": 1}""", "1.0"));
    }

    [Fact]
    public void Const_does_not_treat_true_as_one()
    {
        Assert.Single(Check("""{"const": 1}""", "true"));
    }

    [Fact]
    public void Value_above_the_maximum_is_rejected()
    {
        Assert.Equal(["3.5 is greater than the maximum of 3"], Check("""{"maximum": 3}""", "3.5"));
    }

    [Fact]
    public void Pattern_is_a_search_not_a_full_match()
    {
        Assert.Empty(Check("""{"pattern": "b+"}""", "\"abba\""));
    }

    [Fact]
    public void Keywords_ignore_values_of_other_types()
    {
        Assert.Empty(Check("""{"pattern": "^x$", "maxLength": 1, "minimum": 5, "properties": {"a": {"type": "string"}}, "items": {"type": "string"}}""", "true"));
    }

    [Fact]
    public void Type_list_accepts_any_listed_type()
    {
        Assert.Empty(Check("""{"type": ["string", "null"]}""", "null"));
    }

    [Fact]
    public void Additional_properties_schema_checks_unknown_fields()
    {
        Assert.Equal(["b: 1 is not of type string"], Check("""{"properties": {"a": {}}, "additionalProperties": {"type": "string"}}""", """{"a": 1, "b": 1}"""));
    }

    [Fact]
    public void Reference_resolves_to_a_definition()
    {
        Assert.Equal(["[0]: true is not of type string"], Check("""{"$defs": {"s": {"type": "string"}}, "items": {"$ref": "#/$defs/s"}}""", "[true]"));
    }

    [Fact]
    public void Unknown_format_passes()
    {
        Assert.Empty(Check("""{"format": "hostname"}""", "\"not a host name!\""));
    }

    [Fact]
    public void Unsupported_keyword_fails_compilation()
    {
        Assert.Throws<NotSupportedException>(() => SchemaCompiler.Compile(Parse("""{"minItems": 1}""")));
    }

    private static IReadOnlyList<string> Check(string schema, string value)
    {
        var context = new ValidationContext();
        SchemaCompiler.Compile(Parse(schema)).Validate(Parse(value), context);
        return context.Errors;
    }
}
