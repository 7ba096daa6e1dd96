using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace KernelCI.Data;

internal sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);
}
