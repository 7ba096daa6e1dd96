using System.Globalization;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Regressions;

/// <summary>`test/status-history`'s parameters (upstream's TestStatusHistoryRequest,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/testDetails.py).</summary>
internal sealed record StatusHistoryRequest(
    string Path,
    string Origin,
    string GitRepositoryUrl,
    string GitRepositoryBranch,
    string ConfigName,
    string? Platform,
    DateTimeOffset? CurrentTestStartTime,
    DateTimeOffset? FieldTimestamp,
    int GroupSize)
{
    public const int DefaultGroupSize = 10;

    /// <summary>More runs than any chart shows; the limit keeps one request's reads bounded.</summary>
    public const int MaxGroupSize = 1000;

    public static StatusHistoryRequest From(IQueryCollection query) => new(
        QueryValues.Required(query, "path"),
        QueryValues.Optional(query, "origin") ?? "maestro",
        QueryValues.Required(query, "git_repository_url"),
        QueryValues.Required(query, "git_repository_branch"),
        QueryValues.Required(query, "config_name"),
        QueryValues.Optional(query, "platform"),
        Time(query, "current_test_start_time"),
        Time(query, "field_timestamp"),
        QueryValues.Int(query, "group_size", DefaultGroupSize, 1, MaxGroupSize));

    /// <summary>A time as the web dashboard sends it (the test's own ISO 8601 start_time), or seconds since 1970.</summary>
    internal static DateTimeOffset? Time(IQueryCollection query, string name)
    {
        if (QueryValues.Optional(query, name) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return QueryValues.ParseSeconds(name, text);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new BadParameterException(name, "must be an ISO 8601 time or seconds since 1970");
    }
}
