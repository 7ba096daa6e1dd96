using System.CommandLine;

namespace KernelCI.Host.Tokens;

/// <summary>A token command's `--days`: a default number of days, or (storage, as upstream's) none, for a token that
/// never expires. Zero or fewer days is a usage error.</summary>
internal sealed class TokenLifetime
{
    private readonly Option<int>? _days;
    private readonly Option<int?>? _optionalDays;

    private TokenLifetime(Option<int>? days, Option<int?>? optionalDays) => (_days, _optionalDays) = (days, optionalDays);

    public Option Option => (Option?)_days ?? _optionalDays!;

    public static TokenLifetime Days(int defaultDays) =>
        new(new Option<int>("--days") { Description = "Validity in days", DefaultValueFactory = _ => defaultDays }, null);

    public static TokenLifetime DaysOrNever(string description) => new(null, new Option<int?>("--days") { Description = description });

    /// <summary>How long the token is valid (null: it never expires), or null with <paramref name="valid"/> false.</summary>
    public TimeSpan? Read(ParseResult parse, out bool valid)
    {
        var days = _days is not null ? parse.GetValue(_days) : parse.GetValue(_optionalDays!);
        valid = days is null or > 0;
        return days is { } n && valid ? TimeSpan.FromDays(n) : null;
    }
}
