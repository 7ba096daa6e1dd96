using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelCI.Testing;

/// <summary>The real LAVA 2023.01 lab of scripts/lava.sh (docs/labs.md): brought up once per test process if its
/// REST API does not answer, then described by the lab file the script writes. If the lab cannot start, getting it
/// throws with the script's output, so a test that needs LAVA fails with the reason and never skips.</summary>
public sealed record LavaLab(
    [property: JsonPropertyName("url")] Uri Url,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("device_type")] string DeviceType,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("callback_token_description")] string CallbackTokenDescription,
    [property: JsonPropertyName("callback_token")] string CallbackToken,
    [property: JsonPropertyName("runtime_token_description")] string RuntimeTokenDescription,
    [property: JsonPropertyName("runtime_token")] string RuntimeToken,
    [property: JsonPropertyName("rootfs")] string Rootfs)
{
    /// <summary>Installing from a bare Debian 12 takes about two minutes; starting an installed lab about ten seconds.</summary>
    private static readonly TimeSpan BringUpLimit = TimeSpan.FromMinutes(10);

    private static readonly Lazy<Task<LavaLab>> Running = new(BringUpAsync);

    /// <summary>LAVA_LAB_DIR, as scripts/lava.sh reads it.</summary>
    public static string Directory => Environment.GetEnvironmentVariable("LAVA_LAB_DIR") is { Length: > 0 } dir ? dir : "/var/lib/lava-lab";

    /// <summary>REST API v0.2's root.</summary>
    public Uri ApiUrl => new(Url, "api/v0.2/");

    public static Task<LavaLab> GetAsync() => Running.Value;

    /// <summary>Without the token secrets, which must not reach test output.</summary>
    public override string ToString() => $"LavaLab {{ Url = {Url}, DeviceType = {DeviceType}, Device = {Device} }}";

    private static async Task<LavaLab> BringUpAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "scripts", "lava.sh");
        var status = await ProcessRun.RunAsync("bash", [script, "status"], TimeSpan.FromMinutes(2));
        if (status.ExitCode != 0)
        {
            var up = await ProcessRun.RunAsync("bash", [script, "up"], BringUpLimit);
            if (up.ExitCode != 0)
            {
                throw new InvalidOperationException($"The LAVA lab could not start (scripts/lava.sh up): {up}");
            }
        }

        var file = Path.Combine(Directory, "lab.json");
        return JsonSerializer.Deserialize<LavaLab>(await File.ReadAllTextAsync(file))
            ?? throw new InvalidOperationException($"{file} is empty");
    }
}
