using System.CommandLine;
using System.Globalization;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Upstream's `builds_and_tests_options` (kernelci/kci-dev:kcidev/subcommands/results/options.py): the filters,
/// `--count` and `--download-logs`. Values are read as text and checked here, so bad input is one line naming the
/// option.</summary>
internal sealed class ItemFilterOptions
{
    public Option<bool> DownloadLogs { get; } = new("--download-logs") { Description = "Download each listed item's log (gunzipped) into the working folder" };

    public Option<string> Status { get; } = new("--status") { Description = "all, pass, fail or inconclusive (ERROR, SKIP, MISS, DONE, NULL)", DefaultValueFactory = _ => "all" };

    public Option<string?> Filter { get; } = new("--filter") { Description = "YAML file with hardware, test and tree lists (`*` wildcards); tests and boots only" };

    public Option<string?> StartDate { get; } = new("--start-date") { Description = "Only results that started on or after this date (YYYY-MM-DD or ISO 8601)" };

    public Option<string?> EndDate { get; } = new("--end-date") { Description = "Only results that started on or before this date (YYYY-MM-DD: to its end)" };

    public Option<string?> Compiler { get; } = new("--compiler") { Description = "Compiler (exact, any case), e.g. gcc-12" };

    public Option<string?> Config { get; } = new("--config") { Description = "Kernel config (glob), e.g. '*defconfig'" };

    public Option<string?> Hardware { get; } = new("--hardware") { Description = "Platform or compatible (glob)" };

    public Option<string?> TestPath { get; } = new("--test-path") { Description = "Test path (glob), e.g. 'baseline.*'" };

    public Option<string?> GitBranch { get; } = new("--git-branch") { Description = "Git branch (glob)" };

    public Option<string?> Compatible { get; } = new("--compatible") { Description = "Device-tree compatible (substring, any case)" };

    public Option<string?> MinDuration { get; } = new("--min-duration") { Description = "Only tests that ran at least this many seconds" };

    public Option<string?> MaxDuration { get; } = new("--max-duration") { Description = "Only tests that ran at most this many seconds" };

    public Option<bool> Count { get; } = new("--count") { Description = "Print only the number of matching results" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { DownloadLogs, Status, Filter, StartDate, EndDate, Compiler, Config, Hardware, TestPath, GitBranch, Compatible, MinDuration, MaxDuration, Count })
        {
            command.Options.Add(option);
        }
    }

    public ItemFilter Read(CommandSession session)
    {
        var status = session.Value(Status) switch
        {
            "all" => StatusChoice.All,
            "pass" => StatusChoice.Pass,
            "fail" => StatusChoice.Fail,
            "inconclusive" => StatusChoice.Inconclusive,
            var other => throw new CliException($"--status {other}: must be all, pass, fail or inconclusive"),
        };
        var start = Date(session.Value(StartDate), "--start-date", endOfDay: false);
        var end = Date(session.Value(EndDate), "--end-date", endOfDay: true);
        if (start > end)
        {
            throw new CliException($"--end-date {session.Value(EndDate)}: before --start-date {session.Value(StartDate)}");
        }

        var min = Seconds(session.Value(MinDuration), "--min-duration");
        var max = Seconds(session.Value(MaxDuration), "--max-duration");
        if (min > max)
        {
            throw new CliException($"--max-duration {session.Value(MaxDuration)}: below --min-duration {session.Value(MinDuration)}");
        }

        return new ItemFilter(status, start, end, NonEmpty(session.Value(Compiler)), Pattern(session.Value(Config)), Pattern(session.Value(Hardware)),
            Pattern(session.Value(TestPath)), Pattern(session.Value(GitBranch)), NonEmpty(session.Value(Compatible)), min, max,
            session.Value(Filter) is { } file ? FilterFile.Load(file, session.Context.WorkingDirectory) : null);
    }

    /// <summary>A date alone means the start of that day (UTC) for --start-date and its last second for --end-date, as
    /// upstream; a time without an offset is UTC.</summary>
    public static DateTimeOffset? Date(string? text, string option, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length == 10 && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset(day, TimeSpan.Zero) + (endOfDay ? new TimeSpan(23, 59, 59) : TimeSpan.Zero);
        }

        return text.Length > 10 && text[4] == '-' && text[7] == '-' && ItemFields.Time(text) is { } time
            ? time
            : throw new CliException($"{option} {text}: not a date (YYYY-MM-DD or ISO 8601, e.g. 2026-12-01T10:00:00Z)");
    }

    private static double? Seconds(string? text, string option) =>
        string.IsNullOrEmpty(text) ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds) ? seconds
        : throw new CliException($"{option} {text}: not a number of seconds");

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static System.Text.RegularExpressions.Regex? Pattern(string? glob) => string.IsNullOrEmpty(glob) ? null : Glob.ToRegex(glob);
}
