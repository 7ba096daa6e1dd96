using KernelCI.Data;

namespace KernelCI.ServiceDefaults;

/// <summary>What a component sees when it chooses its database (<see cref="IComponent.OpenDatabaseAsync"/>): the
/// deployment's shared database, and whether that is the embedded SQLite default in <paramref name="DataDirectory"/>
/// (then a component may keep a file of its own there) or one the operator named.</summary>
public sealed record DatabaseChoice(Database Shared, bool IsEmbedded, string DataDirectory);
