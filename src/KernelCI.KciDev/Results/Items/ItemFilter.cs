using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.KciDev.Results.Items;

/// <summary>The client-side filters of `results builds|boots|tests` and the hardware lists (kci-dev.md §2.2; upstream's
/// kernelci/kci-dev:kcidev/libs/filters.py): every given criterion must match. Builds use only the status, compiler,
/// config and git branch, as upstream.</summary>
internal sealed record ItemFilter(
    StatusChoice Status,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string? Compiler,
    Regex? Config,
    Regex? Hardware,
    Regex? TestPath,
    Regex? GitBranch,
    string? Compatible,
    double? MinDuration,
    double? MaxDuration,
    FilterFile? File)
{
    public static ItemFilter None { get; } = new(StatusChoice.All, null, null, null, null, null, null, null, null, null, null, null);

    public bool MatchesBuild(JsonObject build) => StatusMatches(build) && CompilerMatches(build) && ConfigMatches(build) && BranchMatches(build);

    public bool MatchesTest(JsonObject test) =>
        StatusMatches(test) && DateMatches(test) && CompilerMatches(test) && ConfigMatches(test) && HardwareMatches(test)
        && (TestPath is null || (ItemFields.Text(test, "path") is { } path && TestPath.IsMatch(path)))
        && BranchMatches(test) && CompatibleMatches(test) && DurationMatches(test) && (File is null || File.Matches(test));

    private bool StatusMatches(JsonObject item) => Status switch
    {
        StatusChoice.Pass => ItemFields.Status(item) == "PASS",
        StatusChoice.Fail => ItemFields.Status(item) == "FAIL",
        StatusChoice.Inconclusive => ItemFields.Status(item) is "ERROR" or "SKIP" or "MISS" or "DONE" or "NULL",
        _ => true,
    };

    // Upstream reads the first of start_time, created and updated that the item has; without a readable time it passes.
    private bool DateMatches(JsonObject item)
    {
        if (Start is null && End is null)
        {
            return true;
        }

        var key = new[] { "start_time", "created", "updated" }.FirstOrDefault(item.ContainsKey);
        if (key is null || ItemFields.Time(ItemFields.Text(item, key)) is not { } time)
        {
            return true;
        }

        return (Start is null || time >= Start) && (End is null || time <= End);
    }

    private bool CompilerMatches(JsonObject item) =>
        Compiler is null || string.Equals(ItemFields.Text(item, "compiler"), Compiler, StringComparison.OrdinalIgnoreCase);

    private bool ConfigMatches(JsonObject item) =>
        Config is null || ((ItemFields.Text(item, "config_name") ?? ItemFields.Text(item, "config")) is { Length: > 0 } config && Config.IsMatch(config));

    private bool BranchMatches(JsonObject item) =>
        GitBranch is null || (ItemFields.Text(item, "git_repository_branch") is { } branch && GitBranch.IsMatch(branch));

    private bool HardwareMatches(JsonObject test) =>
        Hardware is null || (ItemFields.Platform(test) is { } platform && Hardware.IsMatch(platform)) || ItemFields.Compatibles(test).Any(Hardware.IsMatch);

    private bool CompatibleMatches(JsonObject test) =>
        Compatible is null || ItemFields.Compatibles(test).Any(c => c.Contains(Compatible, StringComparison.OrdinalIgnoreCase));

    // `duration`, else end_time − start_time; an item without either passes, as upstream.
    private bool DurationMatches(JsonObject test)
    {
        if (MinDuration is null && MaxDuration is null)
        {
            return true;
        }

        var duration = ItemFields.Number(test, "duration");
        if (duration is null && ItemFields.Time(ItemFields.Text(test, "start_time")) is { } start && ItemFields.Time(ItemFields.Text(test, "end_time")) is { } end)
        {
            duration = (end - start).TotalSeconds;
        }

        return duration is not { } d || ((MinDuration is null || d >= MinDuration) && (MaxDuration is null || d <= MaxDuration));
    }
}
