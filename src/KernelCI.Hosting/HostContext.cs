using KernelCI.Data;

namespace KernelCI.Hosting;

/// <summary>What every component of one host process shares: the data folder, the database and the secrets.</summary>
public sealed class HostContext(string dataDirectory, Database database, SecretStore secrets, TimeProvider timeProvider)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public Database Database { get; } = database;

    public SecretStore Secrets { get; } = secrets;

    public TimeProvider TimeProvider { get; } = timeProvider;

    public string ComponentDirectory(string component)
    {
        var path = Path.Combine(DataDirectory, component);
        Directory.CreateDirectory(path);
        return path;
    }
}
