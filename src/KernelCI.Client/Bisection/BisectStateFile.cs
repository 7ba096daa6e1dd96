using System.Text.Json;
using System.Text.Json.Serialization;

namespace KernelCI.Client.Bisection;

/// <summary>The state file: JSON, replaced atomically (written beside it, flushed, renamed) so a bisection killed at
/// any moment leaves either the old state or the new one.</summary>
public static class BisectStateFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The state, or null when there is no file.</summary>
    public static async Task<BisectState?> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<BisectState>(stream, Options, cancellationToken)
                ?? throw new BisectionException($"{path}: the state file is empty (remove it, or use --ignore-state)");
        }
        catch (JsonException e)
        {
            throw new BisectionException($"{path}: not a bisection state file ({e.Message.Split('\n')[0]}); remove it or use --ignore-state", e);
        }
    }

    public static async Task SaveAsync(string path, BisectState state, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, state, Options, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
