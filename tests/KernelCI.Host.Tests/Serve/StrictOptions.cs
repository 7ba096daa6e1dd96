namespace KernelCI.Host.Tests.Serve;

internal sealed class StrictOptions
{
    public int Limit { get; set; }

    public string? Name { get; set; }
}
