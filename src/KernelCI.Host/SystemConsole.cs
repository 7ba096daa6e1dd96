namespace KernelCI.Host;

internal sealed class SystemConsole : IAppConsole
{
    public TextWriter Out => Console.Out;

    public TextWriter Error => Console.Error;
}
