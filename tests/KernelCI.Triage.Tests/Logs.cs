namespace KernelCI.Triage.Tests;

/// <summary>The logs under Recorded/ (real outputs, Recorded/README.md) and Corpus/ (samples, Corpus/README.md).</summary>
internal static class Logs
{
    public static string Recorded(string name) => Read("Recorded", name);

    public static string Corpus(string name) => Read("Corpus", name);

    public static IReadOnlyList<Problem> BuildLog(string text) => LogTriage.Parse(text, LogKind.Build);

    public static IReadOnlyList<Problem> BootLog(string text, string? loginMarker = null) => LogTriage.Parse(text, LogKind.Boot, loginMarker);

    private static string Read(string folder, string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, name));
}
