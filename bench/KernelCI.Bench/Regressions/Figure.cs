namespace KernelCI.Bench.Regressions;

/// <summary>One printed figure: its value, its target (empty when it has none) and whether it met it.</summary>
internal sealed record Figure(string Name, string Value, string Target = "", bool? Pass = null)
{
    public string Verdict => Pass switch { true => "PASS", false => "MISS", null => "" };

    public static Figure AtLeast(string name, double value, double target, string format = "F4") =>
        new(name, value.ToString(format, System.Globalization.CultureInfo.InvariantCulture),
            "≥ " + target.ToString(format == "F4" ? "F2" : format, System.Globalization.CultureInfo.InvariantCulture), value >= target);

    public static Figure AtMost(string name, double value, double target, string unit) =>
        new(name, $"{value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)} {unit}",
            $"≤ {target.ToString(System.Globalization.CultureInfo.InvariantCulture)} {unit}", value <= target);
}
