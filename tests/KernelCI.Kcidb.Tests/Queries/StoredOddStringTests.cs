using System.Data.Common;
using System.Text;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Queries;

/// <summary>Strings the upload now refuses (a lone surrogate, invalid UTF-8) may already be stored where the database
/// took them (SQLite keeps JSON and text as sent); replies holding them must still be answered.</summary>
public sealed class StoredOddStringTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Lone_surrogate_in_stored_misc_does_not_fail_the_reply(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await TryIngestAsync(api, Encoding.UTF8.GetBytes(
            """{"version": {"major": 5, "minor": 3}, "checkouts": [{"id": "o:c", "origin": "o", "misc": {"x": "\ud800", "y": "\udc00z"}}]}"""));

        await api.GetJsonAsync("/api/checkouts");
        await api.GetJsonAsync("/api/query?checkout=o:c");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Invalid_utf8_in_stored_text_does_not_fail_the_reply(DatabaseKind kind)
    {
        await using var api = await ApiContext.CreateAsync(kind);
        await TryIngestAsync(api, [.. """{"version": {"major": 5, "minor": 3}, "checkouts": [{"id": "o:c", "origin": "o", "comment": "a"""u8,
            0xFF, 0xC3, .. "\", \"misc\": {\"x\": \"\xFE\"}}]}"u8]);

        await api.GetJsonAsync("/api/checkouts");
        await api.GetJsonAsync("/api/query?checkout=o:c");
    }

    // PostgreSQL refuses these values (the load fails, and the batcher fails the submission); SQLite stores them.
    private static async Task TryIngestAsync(ApiContext api, byte[] document)
    {
        using var parsed = JsonDocument.Parse(document);
        try
        {
            await api.IngestAsync(new AcceptedSubmission("s", parsed.RootElement));
        }
        catch (DbException)
        {
        }
    }
}
