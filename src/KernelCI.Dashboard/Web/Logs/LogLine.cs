namespace KernelCI.Dashboard.Web.Logs;

/// <summary>One line of the part shown: its number in the whole log (the `#L123` anchor), its text, its mark, and the
/// number of the next line of the same mark in this part, if any (the "next" link).</summary>
public sealed record LogLine(long Number, string Text, LogLineKind Kind, long? Next);
