using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>Upstream's KVER_RE on `git describe --match=v[1-9]*`: v&lt;version&gt;.&lt;patchlevel&gt;[.&lt;sublevel&gt;]&lt;extra&gt;.</summary>
internal static partial class KernelVersion
{
    /// <summary>The version object, or null when <paramref name="describe"/> is not a kernel version.</summary>
    public static JsonObject? Parse(string describe, string? name)
    {
        var match = Pattern().Match(describe.Trim());
        if (!match.Success)
        {
            return null;
        }

        return new JsonObject
        {
            ["version"] = int.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["patchlevel"] = int.Parse(match.Groups["patchlevel"].Value, System.Globalization.CultureInfo.InvariantCulture),
            ["sublevel"] = match.Groups["sublevel"].Success
                ? int.Parse(match.Groups["sublevel"].Value, System.Globalization.CultureInfo.InvariantCulture)
                : null,
            ["extra"] = match.Groups["extra"].Value,
            ["name"] = name,
        };
    }

    [GeneratedRegex(@"^v(?<version>\d+)\.(?<patchlevel>\d+)(\.(?<sublevel>\d+))?(?<extra>.*)$")]
    private static partial Regex Pattern();
}
