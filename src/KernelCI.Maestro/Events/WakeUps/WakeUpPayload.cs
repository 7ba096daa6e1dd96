namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>The NOTIFY payload that names the channels a sequencer pass positioned events on, one per line. Empty
/// means "any channel": when a name could not be carried (a line break in it, or more than fits in a NOTIFY).</summary>
internal static class WakeUpPayload
{
    // PostgreSQL's limit is 8000 bytes; names are counted in characters, so keep well below it.
    private const int MaxLength = 2000;

    public static string Write(IReadOnlyCollection<string> channels)
    {
        if (channels.Any(c => c.Length == 0 || c.Contains('\n')))
        {
            return "";
        }

        var payload = string.Join('\n', channels);
        return payload.Length > MaxLength ? "" : payload;
    }

    /// <summary>The channels, or null for any channel.</summary>
    public static IReadOnlyCollection<string>? Read(string? payload) =>
        string.IsNullOrEmpty(payload) ? null : payload.Split('\n');
}
