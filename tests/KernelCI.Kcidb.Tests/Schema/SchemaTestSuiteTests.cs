namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>
/// The JSON Schema Test Suite's draft7 files for every keyword the KCIDB schemas use (type, properties, required,
/// additionalProperties, items, enum, const, pattern, maxLength, minimum, maximum, $ref into $defs) and the formats
/// they use (uri, date-time, email): one theory per file, one row per case.
/// </summary>
public sealed class SchemaTestSuiteTests
{
    public static IEnumerable<TheoryDataRow<string, string, string>> TypeCases() => SchemaTestSuiteCases.Of("type.json");

    [Theory]
    [MemberData(nameof(TypeCases))]
    public void Type(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> PropertiesCases() => SchemaTestSuiteCases.Of("properties.json");

    [Theory]
    [MemberData(nameof(PropertiesCases))]
    public void Properties(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> RequiredCases() => SchemaTestSuiteCases.Of("required.json");

    [Theory]
    [MemberData(nameof(RequiredCases))]
    public void Required(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> AdditionalPropertiesCases() => SchemaTestSuiteCases.Of("additionalProperties.json");

    [Theory]
    [MemberData(nameof(AdditionalPropertiesCases))]
    public void AdditionalProperties(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> ItemsCases() => SchemaTestSuiteCases.Of("items.json");

    [Theory]
    [MemberData(nameof(ItemsCases))]
    public void Items(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> EnumCases() => SchemaTestSuiteCases.Of("enum.json");

    [Theory]
    [MemberData(nameof(EnumCases))]
    public void Enum(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> ConstCases() => SchemaTestSuiteCases.Of("const.json");

    [Theory]
    [MemberData(nameof(ConstCases))]
    public void Const(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> PatternCases() => SchemaTestSuiteCases.Of("pattern.json");

    [Theory]
    [MemberData(nameof(PatternCases))]
    public void Pattern(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> MaxLengthCases() => SchemaTestSuiteCases.Of("maxLength.json");

    [Theory]
    [MemberData(nameof(MaxLengthCases))]
    public void MaxLength(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> MinimumCases() => SchemaTestSuiteCases.Of("minimum.json");

    [Theory]
    [MemberData(nameof(MinimumCases))]
    public void Minimum(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> MaximumCases() => SchemaTestSuiteCases.Of("maximum.json");

    [Theory]
    [MemberData(nameof(MaximumCases))]
    public void Maximum(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> RefCases() => SchemaTestSuiteCases.Of("ref.json");

    [Theory]
    [MemberData(nameof(RefCases))]
    public void Ref(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> DefinitionsCases() => SchemaTestSuiteCases.Of("definitions.json");

    [Theory]
    [MemberData(nameof(DefinitionsCases))]
    public void Definitions(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> FormatCases() => SchemaTestSuiteCases.Of("format.json");

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> UriFormatCases() => SchemaTestSuiteCases.Of("optional/format/uri.json");

    [Theory]
    [MemberData(nameof(UriFormatCases))]
    public void UriFormat(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> DateTimeFormatCases() => SchemaTestSuiteCases.Of("optional/format/date-time.json");

    [Theory]
    [MemberData(nameof(DateTimeFormatCases))]
    public void DateTimeFormat(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    public static IEnumerable<TheoryDataRow<string, string, string>> EmailFormatCases() => SchemaTestSuiteCases.Of("optional/format/email.json");

    [Theory]
    [MemberData(nameof(EmailFormatCases))]
    public void EmailFormat(string file, string group, string testCase) => SchemaTestSuiteCases.Run(file, group, testCase);

    [Fact]
    public void Every_exclusion_names_a_case_of_the_suite()
    {
        foreach (var (file, group, testCase) in SchemaTestSuiteExclusions.All)
        {
            var groups = SchemaTestSuite.Groups(file).EnumerateArray().Where(g => g.GetProperty("description").GetString() == group).ToList();
            Assert.True(groups.Count == 1, $"{file}: no group \"{group}\"");
            Assert.True(testCase == "*" || groups[0].GetProperty("tests").EnumerateArray().Any(t => t.GetProperty("description").GetString() == testCase),
                $"{file} / {group}: no case \"{testCase}\"");
        }
    }
}
