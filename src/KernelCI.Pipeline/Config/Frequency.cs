using System.Globalization;
using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Config;

/// <summary>Upstream's `[Nd][Nh][Nm]` frequency (build_configs.frequency, jobs params.frequency).</summary>
public static partial class Frequency
{
    public static TimeSpan MinimumPeriod { get; } = TimeSpan.FromSeconds(60);

    /// <summary>The period, or null with <paramref name="problem"/> saying why the text is not one.</summary>
    public static TimeSpan? TryParse(string text, out string? problem)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0 || !(match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success))
        {
            problem = $"'{text}' is not a frequency like 1d, 12h, 30m or 1d6h";
            return null;
        }

        var period = TimeSpan.FromDays(Number(match.Groups["d"])) + TimeSpan.FromHours(Number(match.Groups["h"]))
            + TimeSpan.FromMinutes(Number(match.Groups["m"]));
        if (period < MinimumPeriod)
        {
            problem = $"'{text}' is shorter than 60 s";
            return null;
        }

        problem = null;
        return period;
    }

    private static int Number(Group group) => group.Success ? int.Parse(group.Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?$")]
    private static partial Regex Pattern();
}
