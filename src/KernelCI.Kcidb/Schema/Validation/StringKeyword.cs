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

        try
        {
            Check(value, context);
        }
        catch (InvalidOperationException e)
        {
            // An escaped surrogate without its pair decodes to no character (the upload refuses it; a file spooled
            // before that, or by hand, may still hold one).
            context.Report("is not a valid string: " + e.Message);
        }
    }

    private void Check(JsonElement value, ValidationContext context)
    {
        var raw = JsonText.RawUtf8(value);
        var escaped = JsonText.IsEscaped(raw);

        // Decoded at most once for the three checks, and only when a check cannot work on the raw UTF-8.
        var decoded = false;
        ReadOnlySpan<char> chars = default;
        if (maxLength is { } max)
        {
            if (escaped)
            {
                chars = JsonText.Chars(value, raw, context);
                decoded = true;
            }

            if ((escaped ? CodePoints(chars) : CodePoints(raw)) > max)
            {
                context.Report($"is longer than {max} characters");
            }
        }

        if (pattern is not null)
        {
            var matches = escaped ? null : pattern.TryMatchUtf8(raw);
            if (matches is null && !decoded)
            {
                chars = JsonText.Chars(value, raw, context);
                decoded = true;
            }

            if (!(matches ?? pattern.IsMatch(chars)))
            {
                context.Report($"{JsonText.Describe(value)} does not match {pattern.Source}");
            }
        }

        if (format is not null && !format.IsValid(decoded ? chars : JsonText.Chars(value, raw, context)))
        {
            context.Report($"{JsonText.Describe(value)} is not a valid {format.Name}");
        }
    }

    // Python counts code points, not UTF-16 units.
    private static int CodePoints(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            count += (b & 0xC0) != 0x80 ? 1 : 0;
        }

        return count;
    }

    private static int CodePoints(ReadOnlySpan<char> chars)
    {
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
