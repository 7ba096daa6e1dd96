using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Labs;

/// <summary>The times a lab job records on its node: `data.submitted_at` when the lab accepted it and
/// `data.result_at` when the lab reported its result (docs/labs.md, the lab view). Measured where they happen, so the
/// lab view's submission-to-result time is not derived from `created`/`updated`, which other writers move.</summary>
public static class JobTimes
{
    public const string SubmittedAt = "submitted_at";

    public const string ResultAt = "result_at";

    public static void SetSubmittedAt(JsonObject data, DateTimeOffset at) => data[SubmittedAt] = Format(at);

    public static void SetResultAt(JsonObject data, DateTimeOffset at) => data[ResultAt] = Format(at);

    /// <summary>From submission to result, or null when the node lacks either time (or they are out of order).</summary>
    public static TimeSpan? Duration(JsonObject data) =>
        Read(data[SubmittedAt]) is { } submitted && Read(data[ResultAt]) is { } result && result >= submitted ? result - submitted : null;

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Read(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
