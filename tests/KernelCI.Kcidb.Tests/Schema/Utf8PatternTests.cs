using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using KernelCI.Kcidb.Schema.Validation;
using static KernelCI.Kcidb.Tests.Schema.Documents;

namespace KernelCI.Kcidb.Tests.Schema;

public sealed class Utf8PatternTests
{
    private static readonly string[] Sources =
    [
        "^[a-z0-9_]+$", "^[a-z0-9_]*$", @"^([a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*)?$", @"^[^ \0]+(,[^ \0]+)*$", @"^[^/\0]+$",
        "^[0-9a-f]{40}$", "^$|^[0-9a-f]{64}$", @"^https://[^\0]*$",
    ];

    // Strings as they can appear unescaped in JSON: no control characters, quotes or backslashes.
    private static readonly string[] Samples =
    [
        "", "a", "abc_1", "A", "_", "a-b", "a.b", ".a", "a.", "a..b", ".", "a.b.c", "ltp.sem01", "kselftest.dt.case_1",
        "kunit.exec.group_2.case_3", "a b", " ", "a,b", ",", ",,", "a,", ",a", "a,,b", "zyxel,nsa325", "é", "aé", "日本",
        "a/b", "/", "a/", "https://x", "https://", "http://x", "https:/x", "HTTPS://x", " https://x", "o:x",
        new('a', 40), new('0', 40), new('F', 40), new('a', 39), new('a', 41), new('g', 40), new('f', 64), new('f', 63),
        new('f', 65), new string('9', 64) + "é", "maestro:0123456789abcdef01234567",
    ];

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var source in Sources)
        {
            foreach (var sample in Samples)
            {
                cases.Add(source, sample);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Utf8_check_gives_the_regex_verdict(string source, string sample)
    {
        var check = Utf8Patterns.For(source)!;

        Assert.Equal(new Regex(source, RegexOptions.CultureInvariant).IsMatch(sample), check(Encoding.UTF8.GetBytes(sample)));
    }

    [Fact]
    public void Every_other_v5_3_pattern_has_a_utf8_check()
    {
        using var stream = typeof(Utf8Patterns).Assembly.GetManifestResourceStream("kcidb.v5.3.schema.json")!;
        using var schema = JsonDocument.Parse(stream);
        var sources = new List<string>();
        CollectPatterns(schema.RootElement, sources);

        Assert.NotEmpty(sources);
        Assert.All(sources.Where(s => s is not (NoNulPattern.Expression or IdPattern.Expression)), s => Assert.NotNull(Utf8Patterns.For(s)));
    }

    [Fact]
    public void Escaped_string_is_still_checked_by_the_regex()
    {
        // Python's "$" also matches before a final newline, which only an escape can carry.
        Assert.Empty(Check("""{"pattern": "^[a-z0-9_]+$"}""", "\"a\\n\""));
    }

    [Fact]
    public void Escaped_string_breaking_the_pattern_is_rejected()
    {
        Assert.Single(Check("""{"pattern": "^([a-zA-Z0-9_-]+(\\.[a-zA-Z0-9_-]+)*)?$"}""", "\"a\\u002e\""));
    }

    private static void CollectPatterns(JsonElement node, List<string> sources)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.NameEquals("pattern") && property.Value.ValueKind == JsonValueKind.String)
                {
                    sources.Add(property.Value.GetString()!);
                }

                CollectPatterns(property.Value, sources);
            }
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                CollectPatterns(item, sources);
            }
        }
    }

    private static IReadOnlyList<string> Check(string schema, string value)
    {
        var context = new ValidationContext();
        SchemaCompiler.Compile(Parse(schema)).Validate(Parse(value), context);
        return context.Errors;
    }
}
