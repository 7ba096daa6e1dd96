using KernelCI.Data;

namespace KernelCI.ServiceDefaults;

/// <summary>What every component of one host process shares: the data folder, the database and the secrets.
/// <paramref name="componentDatabases"/> holds, by component name, the database each one chose
/// (<see cref="IComponent.OpenDatabaseAsync"/>); a component not in it uses the shared one.</summary>
public sealed class HostContext(string dataDirectory, Database database, SecretStore secrets, TimeProvider timeProvider,
    IReadOnlyDictionary<string, Database>? componentDatabases = null)
{
    public string DataDirectory { get; } = Path.GetFullPath(dataDirectory);

    public Database Database { get; } = database;

    public SecretStore Secrets { get; } = secrets;

    public TimeProvider TimeProvider { get; } = timeProvider;

    /// <summary>What the components of this process offer each other (<see cref="LocalServices"/>).</summary>
    public LocalServices Local { get; } = new();

    /// <summary>The database the component's migrations and data go to: its own if it was given one, else the shared one.</summary>
    public Database DatabaseFor(string component) =>
        componentDatabases is not null && componentDatabases.TryGetValue(component, out var own) ? own : Database;

    public string ComponentDirectory(string component)
    {
        var path = Path.Combine(DataDirectory, component);
        DataFolder.Create(path);
        return path;
    }
}
