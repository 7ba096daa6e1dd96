namespace KernelCI.Storage.Files;

public enum ByteRangeKind
{
    Whole,
    Partial,
    Unsatisfiable,
}
