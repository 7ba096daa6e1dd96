using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A tree seen on a hardware in the window: its newest checkout (kernelci/dashboard:
/// backend/kernelCI_app/typeModels/hardwareDetails.py, Tree). <see cref="HeadGitCommitHash"/> is the commit shown, the
/// selected one when the request picks another; <see cref="CheckoutOrigin"/> is the checkout's origin.</summary>
internal sealed record HardwareTree(
    string Index,
    [property: System.Text.Json.Serialization.JsonPropertyName("origin")] string CheckoutOrigin,
    string? TreeName,
    string? GitRepositoryBranch,
    string? GitRepositoryUrl,
    string? HeadGitCommitName,
    string? HeadGitCommitHash,
    string[]? HeadGitCommitTag,
    JsonObject? SelectedCommitStatus,
    bool? IsSelected)
{
    public bool Holds(HardwareCheckout checkout) =>
        checkout.TreeName == TreeName && checkout.Branch == GitRepositoryBranch && checkout.Url == GitRepositoryUrl
        && checkout.Origin == CheckoutOrigin;
}
