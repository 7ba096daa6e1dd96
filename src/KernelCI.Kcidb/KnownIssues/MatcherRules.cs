using System.Text.RegularExpressions;
using KernelCI.Kcidb.Spool;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>What a matcher may hold. Patterns and expressions come from users: lengths are limited and expressions are
/// compiled non-backtracking, so no input can make a match take longer than linear time (and constructs that need
/// backtracking, such as back-references and look-arounds, are refused).</summary>
internal static partial class MatcherRules
{
    public const int MaxPatternLength = 256;
    public const int MaxRegexLength = 512;
    public const int MaxSubjectLength = 200;
    public const int MaxCommentLength = 2000;

    public static Regex LogExpression(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <exception cref="SubmissionRejectedException">400 naming the field.</exception>
    public static string Pattern(string field, string? value, string? fallback)
    {
        var pattern = value ?? fallback ?? throw Bad(field, "is required (a glob such as baseline.* or *)");
        if (pattern.Length == 0 || pattern.Length > MaxPatternLength)
        {
            throw Bad(field, $"must be 1 to {MaxPatternLength} characters");
        }

        return pattern;
    }

    /// <summary>"test" (the default) or "build"; a matcher keeps its kind once created.</summary>
    public static string Kind(string field, string? value, string? previous)
    {
        if (previous is not null)
        {
            return value is null || value == previous ? previous : throw Bad(field, $"cannot be changed (this matcher matches {previous}s); create another");
        }

        return value switch
        {
            null or KnownIssue.TestKind => KnownIssue.TestKind,
            KnownIssue.BuildKind => KnownIssue.BuildKind,
            _ => throw Bad(field, "must be test or build"),
        };
    }

    /// <exception cref="SubmissionRejectedException">400 naming the first field given that a matcher of this kind has not.</exception>
    public static void NotFor(string kind, IEnumerable<(string Field, string? Value)> fields)
    {
        foreach (var (field, value) in fields)
        {
            if (value is not null)
            {
                throw Bad(field, $"is not a field of a {kind} matcher");
            }
        }
    }

    /// <summary>A glob that may be absent (matches anything); <c>""</c> removes it.</summary>
    public static string? OptionalPattern(string field, string? value, string? previous)
    {
        var pattern = value is null ? previous : value.Length == 0 ? null : value;
        return pattern is null ? null : Pattern(field, pattern, null);
    }

    public static string? Regex(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length == 0 || value.Length > MaxRegexLength)
        {
            throw Bad(field, $"must be 1 to {MaxRegexLength} characters");
        }

        try
        {
            LogExpression(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Bad(field, "is not a usable regular expression (.NET syntax, without back-references or look-arounds): " + e.Message);
        }

        return value;
    }

    public static string? Origin(string field, string? value) =>
        value is null || Submissions.SubmissionAuthenticator.OriginPattern().IsMatch(value)
            ? value
            : throw Bad(field, "must match ^[a-z0-9_]+$");

    public static string Name(string field, string? value)
    {
        var name = value ?? Guid.NewGuid().ToString("N")[..12];
        return NamePattern().IsMatch(name) ? name : throw Bad(field, "must be 1 to 64 of a-z, 0-9 and _");
    }

    public static string Text(string field, string? value, string? fallback, int max, bool required)
    {
        var text = value ?? fallback;
        if (text is null or "")
        {
            return required ? throw Bad(field, "is required") : "";
        }

        return text.Length <= max ? text : throw Bad(field, $"must be at most {max} characters");
    }

    public static SubmissionRejectedException Bad(string field, string message) =>
        new(StatusCodes.Status400BadRequest, $"{field}: {message}");

    [GeneratedRegex("^[a-z0-9_]{1,64}$")]
    private static partial Regex NamePattern();
}
