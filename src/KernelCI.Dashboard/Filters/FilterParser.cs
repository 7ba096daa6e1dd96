using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Filters;

/// <summary>Reads `filter_<field>=v` (repeated: OR) and `filter_<field>_[op]=v` from a query string, or the same keys
/// from a hardware POST body's `filter` object (dashboard.md §1.2). Unknown fields are ignored, as upstream does;
/// an unknown operator or an unreadable value is a 400 naming the parameter (upstream answers those with a 500).</summary>
internal static class FilterParser
{
    private const string Prefix = "filter_";

    private static readonly HashSet<string> Operators = ["exact", "in", "gt", "gte", "lt", "lte", "like"];

    private static readonly HashSet<string> LikeFields = ["boot.path", "test.path"];

    public static FilterSet FromQuery(IQueryCollection query)
    {
        var filters = new FilterSet();
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var term = key[Prefix.Length..];
            if (values.Count > 1)
            {
                foreach (var value in values)
                {
                    Apply(filters, key, term, "in", value ?? "");
                }
            }
            else if (LikeFields.Contains(term))
            {
                Apply(filters, key, term, "like", values[0] ?? "");
            }
            else
            {
                var (field, op) = Split(term);
                Apply(filters, key, field, op, values[0] ?? "");
            }
        }

        return filters;
    }

    public static FilterSet FromBody(JsonObject? filter)
    {
        var filters = new FilterSet();
        if (filter is null)
        {
            return filters;
        }

        foreach (var (key, node) in filter)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var term = key[Prefix.Length..];
            var (field, op) = Split(term);
            var parameter = "filter." + key;
            if (op != "exact" || field != term)
            {
                Apply(filters, parameter, field, op, node is JsonArray { Count: > 0 } list ? Text(list[0], parameter) : Text(node, parameter));
            }
            else if (node is JsonArray array)
            {
                foreach (var value in array)
                {
                    Apply(filters, parameter, term, "in", Text(value, parameter));
                }
            }
            else
            {
                Apply(filters, parameter, term, LikeFields.Contains(term) ? "like" : "exact", Text(node, parameter));
            }
        }

        return filters;
    }

    private static (string Field, string Op) Split(string term)
    {
        // filter_duration_[gte]: the operator in brackets after the last underscore.
        if (term.EndsWith(']') && term.LastIndexOf("_[", StringComparison.Ordinal) is var at and > 0)
        {
            return (term[..at], term[(at + 2)..^1]);
        }

        return (term, "exact");
    }

    private static string Text(JsonNode? node, string parameter) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue(out string? text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw new BadParameterException(parameter, "must be a string, a number or a list of them"),
    };

    private static void Apply(FilterSet filters, string parameter, string field, string op, string value)
    {
        if (!Operators.Contains(op))
        {
            throw new BadParameterException(parameter, $"unknown comparison operator `{op}`; known: {string.Join(", ", Operators)}");
        }

        switch (field)
        {
            case "build.status": filters.BuildStatus.Add(value.ToUpperInvariant()); break;
            case "boot.status": filters.BootStatus.Add(value.ToUpperInvariant()); break;
            case "test.status": filters.TestStatus.Add(value.ToUpperInvariant()); break;
            case "duration" or "build.duration": filters.BuildDuration = Bound(filters.BuildDuration, parameter, op, value); break;
            case "boot.duration": filters.BootDuration = Bound(filters.BootDuration, parameter, op, value); break;
            case "test.duration": filters.TestDuration = Bound(filters.TestDuration, parameter, op, value); break;
            case "config_name": filters.ConfigNames.Add(value); break;
            case "compiler": filters.Compilers.Add(value); break;
            case "architecture": filters.Architectures.Add(value); break;
            case "test.hardware": filters.Hardware.Add(value); break;
            case "test.lab": filters.Labs.Add(value); break;
            case "boot.path": filters.BootPath = value; break;
            case "test.path": filters.TestPath = value; break;
            case "boot.platform": filters.BootPlatforms.Add(value); break;
            case "test.platform": filters.TestPlatforms.Add(value); break;
            case "build.issue": AddIssue(filters.BuildIssues, parameter, value); break;
            case "boot.issue": AddIssue(filters.BootIssues, parameter, value); break;
            case "test.issue": AddIssue(filters.TestIssues, parameter, value); break;
            case "origin": filters.Origins.Add(value); break;
            case "build.origin": filters.BuildOrigins.Add(value); break;
            case "boot.origin": filters.BootOrigins.Add(value); break;
            case "test.origin": filters.TestOrigins.Add(value); break;
            case "issue.culprit" when value is "code" or "harness" or "tool": filters.IssueCulprits.Add(value); break;
            case "issue.categories": filters.IssueCategories.Add(value); break;
            case "issue.options" when value == "hasIncident": filters.IssueOptions.Add(value); break;
            default: break;
        }
    }

    private static DurationRange Bound(DurationRange range, string parameter, string op, string value)
    {
        if (!long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw new BadParameterException(parameter, "must be a whole number of seconds");
        }

        return op == "lte" ? range with { Max = seconds } : range with { Min = seconds };
    }

    private static void AddIssue(IssueFilter issues, string parameter, string value)
    {
        if (value == IssueFilter.Uncategorized)
        {
            issues.Add(IssueFilter.Uncategorized, null);
            return;
        }

        var comma = value.LastIndexOf(',');
        if (comma <= 0)
        {
            throw new BadParameterException(parameter, "must be \"<issue id>,<version>\" or Uncategorized");
        }

        var version = value[(comma + 1)..];
        if (version == "null")
        {
            issues.Add(value[..comma], null);
        }
        else if (long.TryParse(version, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            issues.Add(value[..comma], number);
        }
        else
        {
            throw new BadParameterException(parameter, "the version after the comma must be a whole number or null");
        }
    }
}
