using Microsoft.AspNetCore.Authentication;

namespace KernelCI.Kcidb.Submissions;

/// <summary>The secrets a submitter's token may be signed with: the data folder's own, then Kcidb:ExtraSecrets.</summary>
internal sealed class SubmitterTokenOptions : AuthenticationSchemeOptions
{
    public IReadOnlyList<string> Secrets { get; set; } = [];
}
