using System.Net;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Runtimes;

/// <summary>A node's error_msg is public: file errors name the work folder, so only their kind is shown.</summary>
public sealed class PublicReasonTests
{
    [Fact]
    public void File_error_shows_its_kind_not_its_path() =>
        Assert.Equal("DirectoryNotFoundException",
            PublicReason.Of(new DirectoryNotFoundException("Could not find a part of the path '/srv/kernelci/work/qemu/x/kernel'.")));

    [Fact]
    public void Storage_error_shows_its_status() =>
        Assert.Equal("storage replied 404 NotFound", PublicReason.Of(new StorageClientException(HttpStatusCode.NotFound, "/srv/data/x")));
}
