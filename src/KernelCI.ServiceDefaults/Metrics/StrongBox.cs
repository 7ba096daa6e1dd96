namespace KernelCI.ServiceDefaults.Metrics;

internal sealed class StrongBox<T>
{
    public T Value = default!;
}
