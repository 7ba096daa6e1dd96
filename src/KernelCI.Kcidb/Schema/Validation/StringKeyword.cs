using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>"maxLength", "pattern" and "format", sharing one decoding of the string.</summary>
internal sealed class StringKeyword(int? maxLength, StringPattern? pattern, StringFormat? format) : SchemaKeyword
{
    public override void Validate(JsonElement value, ValidationContext context)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var raw = JsonText.RawUtf8(value);
        var escaped = JsonText.IsEscaped(raw);
        if (maxLength is { } max && CodePoints(value, raw, escaped, context) > max)
        {
            context.Report($"is longer than {max} characters");
        }

        if (pattern is not null && !Matches(pattern, value, raw, escaped, context))
        {
            context.Report($"{JsonText.Describe(value)} does not match {pattern.Source}");
        }

        if (format is not null && !format.IsValid(JsonText.Chars(value, raw, context)))
        {
            context.Report($"{JsonText.Describe(value)} is not a valid {format.Name}");
        }
    }

    private static bool Matches(StringPattern pattern, JsonElement value, ReadOnlySpan<byte> raw, bool escaped, ValidationContext context) =>
        (escaped ? null : pattern.TryMatchUtf8(raw)) ?? pattern.IsMatch(JsonText.Chars(value, raw, context));

    // Python counts code points, not UTF-16 units.
    private static int CodePoints(JsonElement value, ReadOnlySpan<byte> raw, bool escaped, ValidationContext context)
    {
        if (!escaped)
        {
            var count = 0;
            foreach (var b in raw)
            {
                count += (b & 0xC0) != 0x80 ? 1 : 0;
            }

            return count;
        }

        var chars = JsonText.Chars(value, raw, context);
        var points = 0;
        for (var i = 0; i < chars.Length; i++, points++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
        }

        return points;
    }
}
