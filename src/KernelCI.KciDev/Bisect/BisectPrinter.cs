using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Bisect;

/// <summary>The bisection's progress as it goes: a line per event (plain when the output is not a terminal, coloured
/// on one), and on a terminal a live status line naming the step under way.</summary>
internal sealed class BisectPrinter(KciConsole console) : IProgress<BisectUpdate>
{
    private StatusContext? _status;

    /// <summary>Runs <paramref name="work"/> under a live status line on a terminal, plainly otherwise.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        if (!console.IsTerminal)
        {
            return await work();
        }

        return await console.Ansi.Status().Spinner(Spinner.Known.Dots).StartAsync("Bisecting…", async context =>
        {
            _status = context;
            try
            {
                return await work();
            }
            finally
            {
                _status = null;
            }
        });
    }

    public void Report(BisectUpdate value)
    {
        switch (value.Kind)
        {
            case BisectUpdateKind.RunStarted:
                Line("blue", $"Testing {value.Commit} ({value.Subject}), run {value.Run}" + (value.Remaining is { } left ? $"; {left}" : ""));
                Status($"Testing {Short(value.Commit)} {value.Subject} (run {value.Run})");
                break;
            case BisectUpdateKind.RunFinished:
                Line(Colour(value.Result!.Verdict), $"  run {value.Run}: {Word(value.Result.Verdict)}" + (value.Result.Note is { } note ? $" ({note})" : ""));
                break;
            case BisectUpdateKind.StepDecided:
                Line(Colour(value.Step!.Verdict!.Value), $"{value.Commit} is {Word(value.Step.Verdict.Value)}" + (value.Step.Note is { } why ? $" ({why})" : ""));
                break;
            case BisectUpdateKind.Retrying:
                Line("yellow", value.Message);
                break;
            default:
                Line("green", value.Message);
                break;
        }
    }

    /// <summary>A line from the step runner (a watched node changing).</summary>
    public void Detail(string text)
    {
        Line("grey", "    " + text);
        Status(text);
    }

    public static string Word(StepVerdict verdict) => verdict.ToString().ToLowerInvariant();

    public static string Colour(StepVerdict verdict) => verdict switch
    {
        StepVerdict.Good => "green",
        StepVerdict.Bad => "red",
        _ => "yellow",
    };

    private static string Short(string? commit) => commit is { Length: > 12 } ? commit[..12] : commit ?? "";

    private void Line(string colour, string text) => PlainOrColour.Line(console, colour, text);

    private void Status(string text) => _status?.Status(Markup.Escape(text));
}
