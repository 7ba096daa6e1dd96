namespace KernelCI.Storage.Files;

internal enum ByteRangeKind
{
    Whole,
    Partial,
    Unsatisfiable,
}
