using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Queries;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>A fresh migrated database with a store on a fake clock, and the document query to read it back.</summary>
internal sealed class StoreContext : IAsyncDisposable
{
    private StoreContext(TestDatabase database)
    {
        TestDatabase = database;
        Store = KcidbStore.Create(database.Database, Time);
        Documents = new KcidbDocumentQuery(database.Database, QuerySql.For(database.Database));
    }

    public TestDatabase TestDatabase { get; }

    public Database Database => TestDatabase.Database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public IKcidbStore Store { get; }

    public KcidbDocumentQuery Documents { get; }

    public static async Task<StoreContext> CreateAsync(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All);
        return new StoreContext(database);
    }

    public Task IngestAsync(params AcceptedSubmission[] submissions) =>
        Store.IngestAsync(submissions, TestContext.Current.CancellationToken);

    /// <summary>The stored object of that type and id (issues: version 1 unless given), or null.</summary>
    public async Task<JsonObject?> GetAsync(string list, string id, long version = 1, bool withMetadata = false)
    {
        var selection = new ObjectSelection(
            list == "checkouts" ? [id] : [], list == "builds" ? [id] : [], list == "tests" ? [id] : [],
            list == "issues" ? [(id, version)] : [], list == "incidents" ? [id] : []);
        var document = await Documents.QueryAsync(selection, false, false, withMetadata, TestContext.Current.CancellationToken);
        return document[list]?.AsArray().SingleOrDefault()?.AsObject();
    }

    public ValueTask DisposeAsync() => TestDatabase.DisposeAsync();
}
