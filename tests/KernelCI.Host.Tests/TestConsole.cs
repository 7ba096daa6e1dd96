namespace KernelCI.Host.Tests;

internal sealed class TestConsole : IAppConsole
{
    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    TextWriter IAppConsole.Out => Out;

    TextWriter IAppConsole.Error => Error;

    public static async Task<(int ExitCode, TestConsole Console)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        var exitCode = await KernelCiCommand.Create(console).Parse(args).InvokeAsync();
        return (exitCode, console);
    }
}
