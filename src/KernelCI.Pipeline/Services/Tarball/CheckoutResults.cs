using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>A checkout (or patchset) node once its source tarball is in storage, or once it could not be made: the
/// same writes for the tarball and the patchset services.</summary>
internal static class CheckoutResults
{
    /// <summary>How long a checkout stays available for jobs before the holdoff service closes it.</summary>
    public static readonly TimeSpan Holdoff = TimeSpan.FromMinutes(10);

    public static MaestroNode Available(MaestroNode node, JsonObject revision, string tarballUrl, DateTime now)
    {
        var data = node.Data.DeepClone().AsObject();
        data["kernel_revision"] = revision;
        return node with
        {
            State = "available",
            Result = "pass",
            Data = data,
            Artifacts = new Dictionary<string, string>(node.Artifacts) { ["tarball"] = tarballUrl },
            Holdoff = now + Holdoff,
        };
    }

    public static MaestroNode Failed(MaestroNode node, string? errorCode, string message)
    {
        var data = node.Data.DeepClone().AsObject();
        if (errorCode is not null)
        {
            data["error_code"] = errorCode;
        }

        data["error_msg"] = message;
        return node with { State = "done", Result = "fail", Data = data };
    }
}
