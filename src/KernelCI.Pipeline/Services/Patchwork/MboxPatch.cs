namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>One mail of a series' mbox: its place in the series, subject, Patchwork id and the mail as sent.</summary>
internal sealed record MboxPatch(int Number, string Subject, long? PatchworkId, byte[] Mail);
