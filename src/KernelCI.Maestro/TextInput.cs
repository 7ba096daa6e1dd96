namespace KernelCI.Maestro;

/// <summary>Text that may reach a database column or parameter: PostgreSQL refuses U+0000 (an error, not a reason),
/// and an unpaired surrogate cannot be encoded as UTF-8 at all.</summary>
internal static class TextInput
{
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses <paramref name="text"/> with a 400 naming <paramref name="field"/> unless it is storable.</summary>
    public static string Require(string text, string field) => IsStorable(text)
        ? text
        : throw MaestroException.BadRequest($"{Shown(field)}: must not contain U+0000 or unpaired surrogates");

    public static string Shown(string text)
    {
        var safe = new string(text.Select(c => c == '\0' || char.IsSurrogate(c) ? '\uFFFD' : c).ToArray());
        return safe.Length <= 100 ? safe : safe[..100] + "…";
    }
}
