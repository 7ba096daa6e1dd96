using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Hosting;

/// <summary>Named secrets kept in DIR/secrets.json, generated on first use so a fresh data folder needs no setup.</summary>
public sealed class SecretStore
{
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _values;

    public SecretStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        _path = Path.Combine(dataDirectory, "secrets.json");
        _values = File.Exists(_path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_path)) ?? []
            : [];
    }

    /// <summary>The secret as text; HMAC keys are its UTF-8 bytes, as upstream's JWT_SECRET is.</summary>
    public string Get(string name)
    {
        lock (_lock)
        {
            if (_values.TryGetValue(name, out var value))
            {
                return value;
            }

            value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            _values[name] = value;
            Save();
            return value;
        }
    }

    private void Save()
    {
        var json = new JsonObject();
        foreach (var (key, value) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, _path, overwrite: true);
    }
}
