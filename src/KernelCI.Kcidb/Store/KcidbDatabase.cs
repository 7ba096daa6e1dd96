using KernelCI.Data;
using KernelCI.ServiceDefaults;

namespace KernelCI.Kcidb.Store;

/// <summary>Where KCIDB's rows live for a deployment: its own SQLite file on the embedded default
/// (<see cref="KcidbSqliteFile"/>), else the shared database. The dashboard reads the same rows, so it asks here too.</summary>
public static class KcidbDatabase
{
    public static async Task<Database> ChooseAsync(DatabaseChoice choice, CancellationToken cancellationToken)
    {
        if (!choice.IsEmbedded)
        {
            return choice.Shared;
        }

        // OpenAsync also makes kcidb.db readable by its owner only (its WAL follows its mode).
        return await KcidbSqliteFile.OpenAsync(choice.DataDirectory, choice.Shared, cancellationToken);
    }
}
