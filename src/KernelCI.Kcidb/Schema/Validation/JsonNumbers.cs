using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>JSON types and numbers as Python's json module and jsonschema see them.</summary>
internal static class JsonNumbers
{
    public static bool HasType(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.String => (types & JsonTypes.String) != 0,
        JsonValueKind.Object => (types & JsonTypes.Object) != 0,
        JsonValueKind.Array => (types & JsonTypes.Array) != 0,
        JsonValueKind.True or JsonValueKind.False => (types & JsonTypes.Boolean) != 0,
        JsonValueKind.Null => (types & JsonTypes.Null) != 0,
        JsonValueKind.Number => (types & JsonTypes.Number) != 0 || ((types & JsonTypes.Integer) != 0 && IsInteger(value)),
        _ => false,
    };

    /// <summary>Draft-07 integers include floats with a zero fraction, e.g. 1.0.</summary>
    public static bool IsInteger(JsonElement number)
    {
        if (IsIntegerLiteral(number))
        {
            return true;
        }

        // Python parses any literal with a fraction or exponent as a float.
        var value = ToDouble(number);
        return double.IsFinite(value) && Math.Floor(value) == value;
    }

    /// <summary>Whether Python's json module would parse the number as an int.</summary>
    public static bool IsIntegerLiteral(JsonElement number) =>
        JsonMarshal.GetRawUtf8Value(number).IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;

    /// <summary>Whether the number is within a double's range; only a literal with an exponent or over 300 digits can
    /// overflow, so most numbers are never parsed here.</summary>
    public static bool IsFinite(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        return (raw.Length <= 300 && raw.IndexOfAny((byte)'e', (byte)'E') < 0) || double.IsFinite(ToDouble(number));
    }

    public static double ToDouble(JsonElement number)
    {
        var raw = JsonMarshal.GetRawUtf8Value(number);
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : raw.Length > 0 && raw[0] == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>Compares a JSON number with a limit, exactly where decimal can hold both.</summary>
    public static int Compare(JsonElement number, decimal limit) =>
        number.TryGetDecimal(out var value) ? value.CompareTo(limit) : ToDouble(number).CompareTo((double)limit);

    public static bool NumbersEqual(JsonElement a, JsonElement b) =>
        a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : ToDouble(a).Equals(ToDouble(b));
}
