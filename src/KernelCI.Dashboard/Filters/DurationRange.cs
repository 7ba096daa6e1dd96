namespace KernelCI.Dashboard.Filters;

/// <summary>`duration_[gte]` / `duration_[lte]` bounds in seconds; a row without a duration fails any bound.</summary>
internal sealed record DurationRange(long? Min, long? Max)
{
    public static DurationRange Any { get; } = new(null, null);

    public bool Contains(double? duration)
    {
        if (Min is null && Max is null)
        {
            return true;
        }

        if (duration is null)
        {
            return false;
        }

        // Upstream compares int(duration), truncating.
        var whole = (long)duration.Value;
        return (Max is null || whole <= Max) && (Min is null || whole >= Min);
    }
}
