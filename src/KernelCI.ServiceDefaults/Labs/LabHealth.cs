namespace KernelCI.ServiceDefaults.Labs;

/// <summary>The lab's answer to the device query: <see cref="Ok"/>, <see cref="Unreachable"/> (with why) or
/// <see cref="NotReported"/> (a lab the pipeline cannot ask); a pull lab is <see cref="Online"/> while a worker was seen
/// within its window, else <see cref="Offline"/>. <paramref name="CheckedAt"/> is when the answer was taken (a LAVA
/// lab's is cached for a short while).</summary>
public sealed record LabHealth(string Status, string? Message, DateTimeOffset? CheckedAt)
{
    public const string Ok = "ok";

    public const string Unreachable = "unreachable";

    public const string NotReported = "not_reported";

    public const string Online = "online";

    public const string Offline = "offline";
}
