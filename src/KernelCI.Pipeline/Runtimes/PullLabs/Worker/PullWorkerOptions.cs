namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>`kernelci lab pull`: the lab's name, the pipeline API's URL, the lab's token (and its callback token,
/// by default the same), one job or forever, where jobs are unpacked, and whether QEMU may use KVM.</summary>
public sealed record PullWorkerOptions(string Lab, Uri Api, string Token, string? CallbackToken = null, bool Once = false,
    string? WorkDirectory = null, bool Kvm = false, string? WorkerName = null)
{
    /// <summary>How long one claim request waits on the server for a job (the server caps it, Runtimes/PullLabs/PullLabApi.cs).</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(50);
}
