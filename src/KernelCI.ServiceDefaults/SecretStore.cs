using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.IO;

namespace KernelCI.ServiceDefaults;

/// <summary>Named secrets kept in DIR/secrets.json (0600), so a fresh data folder needs no setup. `serve` creates every
/// component's secrets at start (<see cref="IComponent.Secrets"/>); the token commands create theirs if they run
/// first. Every change happens under an flock on DIR/secrets.lock and merges with the file as it is then, so a
/// server and a CLI never drop or replace each other's secrets: once written, a secret never changes.</summary>
public sealed class SecretStore
{
    private readonly string _path;
    private readonly string _lockPath;
    private readonly Lock _lock = new();
    private Dictionary<string, string> _values;

    public SecretStore(string dataDirectory)
    {
        DataFolder.Create(dataDirectory);
        _path = Path.Combine(dataDirectory, "secrets.json");
        _lockPath = Path.Combine(dataDirectory, "secrets.lock");
        _values = Read();
    }

    /// <summary>The secret as text; HMAC keys are its UTF-8 bytes, as upstream's JWT_SECRET is. One this store has not
    /// seen is looked for on disk first (another process may have made it), and made only if it is not there.</summary>
    public string Get(string name)
    {
        lock (_lock)
        {
            if (_values.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        Ensure([name]);
        lock (_lock)
        {
            return _values[name];
        }
    }

    /// <summary>A secret someone else set (a lab's token): looked for on disk too, never made; null when absent.</summary>
    public string? Find(string name)
    {
        lock (_lock)
        {
            if (_values.TryGetValue(name, out var value))
            {
                return value;
            }

            return Read().GetValueOrDefault(name);
        }
    }

    /// <summary>Makes the named secrets that do not exist yet, keeping every one already on disk.</summary>
    public void Ensure(IEnumerable<string> names)
    {
        lock (_lock)
        {
            using var held = FileLock.Acquire(_lockPath);
            var current = Read();
            var changed = false;
            foreach (var name in names)
            {
                changed |= current.TryAdd(name, NewSecret());
            }

            // Ours but gone from disk (the file was removed behind us): kept, so the tokens signed with them stay valid.
            foreach (var (name, value) in _values)
            {
                changed |= current.TryAdd(name, value);
            }

            if (changed)
            {
                Save(current);
            }

            _values = current;
        }
    }

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Dictionary<string, string> Read() =>
        File.Exists(_path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_path)) ?? [] : [];

    private void Save(Dictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        // 0600 from its creation, never readable by others even for a moment; renamed over the file whole.
        var temp = $"{_path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = DataFolder.PrivateFile;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, _path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
