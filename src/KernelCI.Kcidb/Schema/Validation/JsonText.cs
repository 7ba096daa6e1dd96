using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>Reads JSON strings without allocating, and renders values for error messages.</summary>
internal static class JsonText
{
    private const int MaxShown = 80;

    /// <summary>The raw UTF-8 of a string value, without quotes; may contain escapes.</summary>
    public static ReadOnlySpan<byte> RawUtf8(JsonElement value) => Unquote(JsonMarshal.GetRawUtf8Value(value));

    public static ReadOnlySpan<byte> RawUtf8(JsonProperty property) => Unquote(JsonMarshal.GetRawUtf8PropertyName(property));

    public static bool IsEscaped(ReadOnlySpan<byte> raw) => raw.IndexOf((byte)'\\') >= 0;

    /// <summary>The decoded characters of a string value, in the context's scratch buffer: valid until the next call.</summary>
    public static ReadOnlySpan<char> Chars(JsonElement value, ReadOnlySpan<byte> raw, ValidationContext context)
    {
        // Unescaping never lengthens: a string has at most as many UTF-16 units as its raw UTF-8 has bytes.
        var buffer = context.Buffer(raw.Length);
        if (!IsEscaped(raw))
        {
            return buffer.AsSpan(0, Encoding.UTF8.GetChars(raw, buffer));
        }

        // A reader over the value's own token unescapes into the buffer, where GetString() would allocate the string
        // (a log excerpt of a few hundred bytes, with its newlines escaped, is on many objects).
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(value));
        reader.Read();
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    public static string Describe(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            _ => value.GetRawText(),
        };
        return Shorten(text);
    }

    public static string Quote(string text) => Shorten("\"" + JsonEncodedText.Encode(text) + "\"");

    private static string Shorten(string text) =>
        text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown), "…");

    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> raw) =>
        raw.Length >= 2 && raw[0] == (byte)'"' ? raw[1..^1] : raw;
}
