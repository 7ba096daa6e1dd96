using System.Text.Json.Nodes;
using KernelCI.KciDev.Maestro;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>Python's `json.dumps` text, which upstream prints and scripts may diff.</summary>
public sealed class PythonJsonTests
{
    [Fact]
    public void Keys_are_sorted_at_every_level_and_empties_stay_short()
    {
        var value = JsonNode.Parse("""{"b":{"z":1,"a":[]},"a":{}}""");

        Assert.Equal("{\n  \"a\": {},\n  \"b\": {\n    \"a\": [],\n    \"z\": 1\n  }\n}", PythonJson.Dumps(value, 2));
    }

    [Fact]
    public void Non_ascii_and_control_characters_are_escaped_as_python_does()
    {
        Assert.Equal("\"\\u00fc\\u2603\\n\\u0001\\u007f/\"", PythonJson.Dumps(JsonValue.Create("ü☃\n\u0001\u007f/"), 4));
    }

    [Fact]
    public void Floats_made_here_keep_their_point_and_numbers_read_stay_as_sent()
    {
        Assert.Equal("[12.0, 1.5, 7, 1e3]", PythonJson.Dumps(new JsonArray(12.0, 1.5, JsonNode.Parse("7"), JsonNode.Parse("1e3")), indent: null, sortKeys: true));
    }

    [Fact]
    public void Without_indent_it_is_one_line_in_insertion_order()
    {
        var value = new JsonObject { ["kind"] = "builds", ["history"] = false, ["arch"] = null };

        Assert.Equal("{\"kind\": \"builds\", \"history\": false, \"arch\": null}", PythonJson.Dumps(value, indent: null, sortKeys: false));
    }
}
