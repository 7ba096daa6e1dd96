using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage;

/// <summary>Makes a <see cref="Problem"/> from its kind and the normalised parts of its signature.</summary>
internal static class NewProblem
{
    public const int MaxEvidenceLength = 512;

    public static Problem Of(ProblemKind kind, string summary, string evidence, long logLine, params ReadOnlySpan<string?> parts)
    {
        var signature = Fingerprint.Signature(kind, parts);
        return new Problem
        {
            Kind = kind,
            Summary = summary,
            Signature = signature,
            Fingerprint = Fingerprint.Of(signature),
            Evidence = evidence.Length > MaxEvidenceLength ? evidence[..MaxEvidenceLength] : evidence,
            LogLine = logLine,
        };
    }
}
