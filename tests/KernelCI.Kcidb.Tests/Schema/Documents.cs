using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Kcidb.Schema;

namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>Builds small KCIDB documents for the schema tests.</summary>
internal static class Documents
{
    public const string V53 = """{"major": 5, "minor": 3}""";

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    public static KcidbDocumentResult Process(string json) => KcidbDocuments.Process(Parse(json));

    public static KcidbDocumentResult Validate(string json) => KcidbDocuments.Validate(Parse(json));

    /// <summary>A v5.3 document with one test carrying the given extra fields.</summary>
    public static string WithTest(string fields) =>
        $$"""{"version": {{V53}}, "tests": [{"id": "o:t1", "origin": "o", "build_id": "o:b1"{{Separator(fields)}}{{fields}}}]}""";

    public static string WithBuild(string fields) =>
        $$"""{"version": {{V53}}, "builds": [{"id": "o:b1", "origin": "o", "checkout_id": "o:c1"{{Separator(fields)}}{{fields}}}]}""";

    public static string WithCheckout(string fields) =>
        $$"""{"version": {{V53}}, "checkouts": [{"id": "o:c1", "origin": "o"{{Separator(fields)}}{{fields}}}]}""";

    public static string WithIssue(string fields) =>
        $$"""{"version": {{V53}}, "issues": [{"id": "o:i1", "origin": "o", "version": 1{{Separator(fields)}}{{fields}}}]}""";

    public static void AssertSameJson(string expected, JsonElement actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())),
            $"expected {expected}\nactual   {actual.GetRawText()}");

    public static void AssertSingleError(KcidbDocumentResult result, string prefix) =>
        Assert.True(
            result.Errors.Count == 1 && result.Errors[0].StartsWith(prefix, StringComparison.Ordinal),
            $"expected one error starting with '{prefix}', got: {string.Join(" | ", result.Errors)}");

    private static string Separator(string fields) => fields.Length == 0 ? "" : ", ";
}
