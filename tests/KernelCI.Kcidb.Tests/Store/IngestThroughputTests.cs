using System.Diagnostics;
using System.Globalization;
using System.Text;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.Testing;
using Npgsql;

namespace KernelCI.Kcidb.Tests.Store;

/// <summary>Ingestion speed; run on demand (KERNELCI_KCIDB_BENCH=&lt;tests&gt;) since it takes the machine for a while.</summary>
public sealed class IngestThroughputTests
{
    private const int TestsPerSubmission = 1000;
    private const int SubmissionsPerBatch = 20;

    private static int Total => int.TryParse(Environment.GetEnvironmentVariable("KERNELCI_KCIDB_BENCH"), CultureInfo.InvariantCulture, out var n) ? n : 0;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ingests_tests_fast(DatabaseKind kind)
    {
        Assert.SkipWhen(Total == 0, "set KERNELCI_KCIDB_BENCH to a number of tests to measure ingestion");
        await using var context = await StoreContext.CreateAsync(kind);
        var batches = Enumerable.Range(0, Total / (TestsPerSubmission * SubmissionsPerBatch))
            .Select(b => Enumerable.Range(0, SubmissionsPerBatch).Select(s => Submission(b * SubmissionsPerBatch + s)).ToList())
            .ToList();

        var gcPause = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await context.Store.IngestAsync(batch, TestContext.Current.CancellationToken);
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"{kind}: GC paused {(GC.GetTotalPauseDuration() - gcPause).TotalSeconds:F2} s, {GC.CollectionCount(2) - gen2} gen2 collections");
        var objects = batches.Count * SubmissionsPerBatch * TestsPerSubmission;
        TestContext.Current.TestOutputHelper!.WriteLine($"{kind}: {objects} tests in {clock.Elapsed.TotalSeconds:F1} s = {objects / clock.Elapsed.TotalSeconds:F0}/s; " +
            $"{objects / cpu.TotalSeconds:F0} per CPU second of this process (the machine is shared)");
        if (kind == DatabaseKind.PostgreSql)
        {
            var copy = await PlainCopyAsync(context.Database, batches);
            TestContext.Current.TestOutputHelper!.WriteLine($"PostgreSql plain COPY: {objects / copy.TotalSeconds:F0}/s; ingest is {copy / clock.Elapsed:P0} of it");
        }
    }

    // The reference the store is measured against: a bare binary COPY of the same rows into the same indexed table.
    private static async Task<TimeSpan> PlainCopyAsync(Database database, List<List<AcceptedSubmission>> batches)
    {
        await using var connection = await database.PostgreSql.OpenConnectionAsync();
        // Text instead of the STATUS enum only because Npgsql cannot COPY into an unmapped enum.
        await new NpgsqlCommand("CREATE TABLE tests_copy (LIKE tests INCLUDING ALL); ALTER TABLE tests_copy ALTER COLUMN status TYPE TEXT",
            connection).ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            var rows = IngestBatch.From(batch).Tables.Single(t => t.Table.Name == "tests");
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var importer = await connection.BeginBinaryImportAsync("COPY tests_copy (id, build_id, origin, path, status, start_time, duration, log_url, environment_compatible, misc) FROM STDIN (FORMAT BINARY)"))
            {
                var t = rows.Table;
                foreach (var row in rows.Sorted())
                {
                    await importer.StartRowAsync();
                    await importer.WriteAsync((string)row[t.Index["id"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string)row[t.Index["build_id"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string)row[t.Index["origin"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string)row[t.Index["path"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string)row[t.Index["status"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((DateTime)row[t.Index["start_time"]]!, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                    await importer.WriteAsync((double)row[t.Index["duration"]]!, NpgsqlTypes.NpgsqlDbType.Double);
                    await importer.WriteAsync((string)row[t.Index["log_url"]]!, NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string[])row[t.Index["environment_compatible"]]!, NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text);
                    await importer.WriteAsync((string)row[t.Index["misc"]]!, NpgsqlTypes.NpgsqlDbType.Jsonb);
                }

                await importer.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    /// <summary>1000 tests, their 5 builds and their checkout; submission n holds tests n*1000 to n*1000+999.</summary>
    internal static AcceptedSubmission Submission(int number)
    {
        string[] statuses = ["PASS", "PASS", "PASS", "PASS", "FAIL", "SKIP", "ERROR", "MISS", "DONE"];
        var json = new StringBuilder("""{"version": {"major": 5, "minor": 3}, "tests": [""");
        for (var i = 0; i < TestsPerSubmission; i++)
        {
            var n = (number * TestsPerSubmission) + i;
            json.Append(CultureInfo.InvariantCulture, $$"""
                {{(i == 0 ? "" : ",")}}{"id": "maestro:{{n:x12}}{{n * 7919 % 100000:x8}}", "origin": "maestro",
                 "build_id": "maestro:build{{n / 200}}", "path": "ltp.suite{{n % 50}}.case{{n % 997}}",
                 "status": "{{statuses[n % statuses.Length]}}", "start_time": "2024-{{1 + (n / 100000 % 12):00}}-{{1 + (n / 4000 % 28):00}}T{{n / 60 % 24:00}}:{{n % 60:00}}:00+00:00",
                 "duration": {{n % 1000}}.5, "log_url": "https://storage.kernelci.org/maestro/{{n}}/log.txt.gz",
                 "environment": {"compatible": ["board{{n % 30}}", "soc{{n % 7}}"]},
                 "misc": {"platform": "board{{n % 30}}", "runtime": "lava-collabora", "job_id": {{n}} } }
                """);
        }

        // The five builds (200 tests each) these tests belong to, and their checkouts (100 builds each).
        json.Append("], \"builds\": [");
        for (var b = number * 5; b < (number * 5) + 5; b++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""
                {{(b == number * 5 ? "" : ",")}}{"id": "maestro:build{{b}}", "origin": "maestro", "checkout_id": "maestro:checkout{{b / 100}}",
                 "architecture": "{{(b % 3 == 0 ? "arm64" : "x86_64")}}", "config_name": "defconfig{{b % 20}}", "status": "{{statuses[b % statuses.Length]}}",
                 "start_time": "2024-{{1 + (b / 500 % 12):00}}-{{1 + (b / 20 % 28):00}}T00:00:00+00:00"}
                """);
        }

        json.Append(CultureInfo.InvariantCulture, $$"""
            ], "checkouts": [{"id": "maestro:checkout{{number / 20}}", "origin": "maestro", "tree_name": "mainline",
             "git_repository_branch": "master", "start_time": "2024-{{1 + (number / 200 % 12):00}}-01T00:00:00+00:00", "valid": true}]}
            """);
        return new AcceptedSubmission("bench" + number.ToString(CultureInfo.InvariantCulture), KcidbSamples.Element(json.ToString()));
    }
}
