using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>Binary COPY of one row stream; the rows are generated on another thread so that the baseline measures the
/// database rather than the generator.</summary>
internal static class TableCopier
{
    private const int QueueRows = 8192;

    public static async Task<TableCopy> CopyAsync<T>(NpgsqlConnection connection, CopyPlan<T> plan, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<T>(QueueRows);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var generation = new Stopwatch();
        var producer = Task.Run(() => Produce(rows, queue, generation, stop.Token), stop.Token);
        try
        {
            var copied = await Task.Run(() => Consume(connection, plan, queue, stop.Token), stop.Token);
            await producer;
            return new TableCopy(copied, generation.Elapsed);
        }
        catch
        {
            // A failed COPY must not leave the producer blocked on a full queue.
            await stop.CancelAsync();
            await Task.WhenAny(producer);
            throw;
        }
    }

    private static void Produce<T>(IEnumerable<T> rows, BlockingCollection<T> queue, Stopwatch generation, CancellationToken cancellationToken)
    {
        try
        {
            using var enumerator = rows.GetEnumerator();
            while (true)
            {
                generation.Start();
                var more = enumerator.MoveNext();
                generation.Stop();
                if (!more)
                {
                    break;
                }

                queue.Add(enumerator.Current, cancellationToken);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private static long Consume<T>(NpgsqlConnection connection, CopyPlan<T> plan, BlockingCollection<T> queue, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", plan.Columns.Select(c => '"' + c.Column.Name + '"'));
        using var importer = connection.BeginBinaryImport($"COPY {plan.Table} ({columns}) FROM STDIN (FORMAT BINARY)");
        long rows = 0;
        foreach (var row in queue.GetConsumingEnumerable(cancellationToken))
        {
            importer.StartRow();
            foreach (var (field, column) in plan.Columns)
            {
                var value = field.Value(row);
                if (value is null)
                {
                    importer.WriteNull();
                }
                else
                {
                    importer.Write(PgValues.Convert(value, column, plan.Table), column.TypeName);
                }
            }

            rows++;
        }

        importer.Complete();
        return rows;
    }
}
