using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KernelCI.Dashboard.Issues;

/// <summary>
/// Every issue version ingested since <see cref="FromMicroseconds"/> (no upper bound) as the listing's read gives them,
/// in its order (newest <c>_timestamp</c> first), read after the change stamp <see cref="Stamp"/>
/// (<see cref="IssueListingCache"/>): any window starting at or after that time is a contiguous run of these rows. Each
/// row's issue and each issue's first incident are kept serialized as the listing writes them, so an answer is copied
/// rather than written value by value; whole answers are kept too (<see cref="TryGetAnswer"/>), bounded with the rows by
/// the cache's byte limit.
/// </summary>
internal sealed class IssueListingSnapshot
{
    private readonly IssueListingRow[] _rows;
    private readonly long[] _microseconds;
    private readonly Dictionary<IssueRow, byte[]> _issues = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, byte[]> _incidents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<AnswerKey, byte[]> _answers = new();
    private long _answerBytes;

    public IssueListingSnapshot(long stamp, long fromMicroseconds, IReadOnlyList<IssueListingRow> rows, IReadOnlyList<long> microseconds,
        JavaScriptEncoder? encoder)
    {
        Stamp = stamp;
        FromMicroseconds = fromMicroseconds;
        _rows = [.. rows];
        _microseconds = [.. microseconds];
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder });
        long bytes = 0;
        foreach (var row in _rows)
        {
            IssueListingResult.WriteIssue(json, row.Issue);
            bytes += Keep(_issues, row.Issue, json, buffer);
            if (row.FirstIncident is { } first && !_incidents.ContainsKey(row.Issue.Id))
            {
                IssueListingResult.WriteIncident(json, first);
                bytes += Keep(_incidents, row.Issue.Id, json, buffer);
            }
        }

        // What the rows hold in memory: their JSON, the same text again as .NET strings (UTF-16, twice the bytes), and
        // the objects and dictionaries around them.
        Bytes = (3 * bytes) + (256L * _rows.Length);
    }

    /// <summary>The change stamp read before the rows (IssueListingStamp in KCIDB).</summary>
    public long Stamp { get; }

    /// <summary>The oldest <c>_timestamp</c> the rows cover, in microseconds since the Unix epoch, as stored.</summary>
    public long FromMicroseconds { get; }

    /// <summary>An estimate of the memory the rows take, without the kept answers.</summary>
    public long Bytes { get; }

    /// <summary>The kept answers' bytes.</summary>
    public long AnswerBytes => Interlocked.Read(ref _answerBytes);

    public int Count => _rows.Length;

    /// <summary>The rows whose <c>_timestamp</c> is in [from, to] (microseconds, both included, as the listing's SQL);
    /// <paramref name="from"/> is at or after <see cref="FromMicroseconds"/>.</summary>
    public IssueListingWindow Window(long from, long to)
    {
        // Newest first: the run starts at the first row not after `to` and ends before the first row before `from`.
        var first = FirstWhere(t => t <= to);
        var end = FirstWhere(t => t < from);
        return new IssueListingWindow(this, new ArraySegment<IssueListingRow>(_rows, first, Math.Max(0, end - first)));
    }

    /// <summary>The issue as the listing writes it, when it is one of these rows.</summary>
    public byte[]? IssueJson(IssueRow issue) => _issues.GetValueOrDefault(issue);

    /// <summary>The issue's first incident as the listing writes it.</summary>
    public byte[]? IncidentJson(string issueId) => _incidents.GetValueOrDefault(issueId);

    public bool TryGetAnswer(AnswerKey key, out byte[] answer) => _answers.TryGetValue(key, out answer!);

    /// <summary>Keeps an answer unless the rows and the answers would then pass <paramref name="limit"/> bytes.</summary>
    public bool TryKeepAnswer(AnswerKey key, byte[] answer, long limit)
    {
        if (Bytes + Interlocked.Add(ref _answerBytes, answer.Length) > limit || !_answers.TryAdd(key, answer))
        {
            Interlocked.Add(ref _answerBytes, -answer.Length);
            return false;
        }

        return true;
    }

    // The first index whose time satisfies a condition that holds from some index on (times descend).
    private int FirstWhere(Func<long, bool> holds)
    {
        int low = 0, high = _microseconds.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (holds(_microseconds[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    private static int Keep<TKey>(Dictionary<TKey, byte[]> into, TKey key, Utf8JsonWriter json, ArrayBufferWriter<byte> buffer)
        where TKey : notnull
    {
        json.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        into[key] = bytes;
        buffer.ResetWrittenCount();
        json.Reset();
        return bytes.Length;
    }

    /// <summary>What an unpaged answer depends on besides the rows: the window's run and the issue filters.</summary>
    public readonly record struct AnswerKey(int Offset, int Count, string Filters);
}
