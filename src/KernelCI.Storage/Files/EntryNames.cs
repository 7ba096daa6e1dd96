namespace KernelCI.Storage.Files;

/// <summary>Client-supplied names as they appear in error replies: a name can be up to a PAX header long (1 MiB),
/// and a reply that repeats it whole would be as large.</summary>
internal static class EntryNames
{
    private const int Shown = 200;

    public static string Quote(string name) => name.Length <= Shown ? name : name[..Shown] + "…";
}
