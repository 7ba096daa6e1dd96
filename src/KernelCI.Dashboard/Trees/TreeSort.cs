using System.Globalization;

namespace KernelCI.Dashboard.Trees;

/// <summary>Sort keys for paging: times as seconds since 1970 (a double keeps their microseconds; ticks would not
/// survive Paging's comparison as doubles), since their text ("…:12Z" beside "…:12.5Z") does not sort as text.</summary>
internal static class TreeSort
{
    public static double? Time(string? text) =>
        text is null ? null : (DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - DateTimeOffset.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
}
