using System.Text.Json;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>Field names are matched on their UTF-8 as written, and decoded only when that matches no column.</summary>
public sealed class JsonRowMapperTests
{
    [Fact]
    public void Escaped_field_names_fill_the_same_columns_as_plain_ones()
    {
        var escaped = Row("""{"\u0069d": "o:1", "origin": "o", "build_id": "o:b", "p\u0061th": "x", "environment": {"c\u006fmment": "e"}}""");
        var plain = Row("""{"id": "o:1", "origin": "o", "build_id": "o:b", "path": "x", "environment": {"comment": "e"}}""");

        Assert.Equal(plain.Select(Text), escaped.Select(Text));
        Assert.Equal("x", escaped[KcidbTables.Tests.Index["path"]].GetString());
        Assert.Equal("e", escaped[KcidbTables.Tests.Index["environment_comment"]].GetString());
    }

    [Fact]
    public void Field_without_a_column_fills_nothing()
    {
        var row = Row("""{"id": "o:1", "origin": "o", "build_id": "o:b", "_timestamp": "2026-01-01T00:00:00+00:00", "\u005ftimestamp": "x"}""");

        Assert.Equal(3, row.Count(v => v.ValueKind != JsonValueKind.Undefined));
    }

    private static JsonElement[] Row(string json) => JsonRowMapper.ToRow(KcidbTables.Tests, JsonDocument.Parse(json).RootElement);

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Undefined ? null : value.GetRawText();
}
