namespace KernelCI.Hosting.Metrics;

internal sealed class StrongBox<T>
{
    public T Value = default!;
}
