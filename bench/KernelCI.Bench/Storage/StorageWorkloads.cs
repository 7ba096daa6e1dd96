namespace KernelCI.Bench.Storage;

internal static class StorageWorkloads
{
    public const string Mib = "1 MiB";
    public const string Gib = "1 GiB";

    public static string Small(int files, int clients) => $"{files} small files, {clients} clients";
}
