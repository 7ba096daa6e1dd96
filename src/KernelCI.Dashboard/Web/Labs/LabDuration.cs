using System.Globalization;

namespace KernelCI.Dashboard.Web.Labs;

/// <summary>A submission-to-result time as people read it: seconds below two minutes, minutes below two hours, then hours.</summary>
internal static class LabDuration
{
    public static string Format(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };
}
