using System.Text.Json;
using KernelCI.Kcidb.Schema.Validation;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>The cases of one suite file as theory rows (file, group, case), excluded ones skipped with their reason.</summary>
internal static class SchemaTestSuiteCases
{
    public static IEnumerable<TheoryDataRow<string, string, string>> Of(string file)
    {
        foreach (var group in SchemaTestSuite.Groups(file).EnumerateArray())
        {
            var groupName = group.GetProperty("description").GetString()!;
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                var caseName = test.GetProperty("description").GetString()!;
                yield return new TheoryDataRow<string, string, string>(file, groupName, caseName)
                {
                    Skip = SchemaTestSuiteExclusions.Reason(file, groupName, caseName),
                };
            }
        }
    }

    /// <summary>Compiles the group's schema, validates the case's data and compares the verdict with the suite's.</summary>
    public static void Run(string file, string groupName, string caseName)
    {
        var group = SchemaTestSuite.Groups(file).EnumerateArray().Single(g => g.GetProperty("description").GetString() == groupName);
        var test = group.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("description").GetString() == caseName);
        var schema = SchemaCompiler.Compile(group.GetProperty("schema"));
        var context = new ValidationContext();

        schema.Validate(test.GetProperty("data"), context);

        var expected = test.GetProperty("valid").GetBoolean();
        Assert.True(expected == (context.Errors.Count == 0),
            expected ? "refused a valid value: " + string.Join("; ", context.Errors) : "accepted an invalid value");
    }
}
