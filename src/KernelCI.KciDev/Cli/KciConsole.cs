using Spectre.Console;

namespace KernelCI.KciDev.Cli;

/// <summary>Where commands write. <see cref="Ansi"/> writes to <see cref="Out"/> with colours and live progress only on a
/// terminal; JSON goes to <see cref="Out"/> directly so it is never wrapped or coloured.</summary>
public sealed class KciConsole
{
    public KciConsole(TextWriter output, TextWriter error, bool isTerminal, int width = PipeWidth)
    {
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        Ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        if (!isTerminal)
        {
            // Text is never wrapped in a pipe (long links and ids must stay whole); tables still size to their content.
            Ansi.Profile.Width = width;
        }
    }

    /// <summary>The width text is laid out to when the output is not a terminal: wide enough that no line wraps.</summary>
    public const int PipeWidth = 4096;

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Ansi { get; }

    /// <summary>False when standard output is redirected: then progress is plain lines and there is no colour.</summary>
    public bool IsTerminal { get; }

    public static KciConsole FromSystem() => new(System.Console.Out, System.Console.Error, !System.Console.IsOutputRedirected);
}
