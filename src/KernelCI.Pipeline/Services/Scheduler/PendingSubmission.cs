using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>A job node that exists in Maestro and waits for its runtime. <see cref="Request"/> is null for a node found
/// at start without a job id (created before a stop, never submitted): its request is built again from the
/// configuration and its ancestors when its turn comes.</summary>
internal sealed record PendingSubmission(MaestroNode Node, IRuntime Runtime, JobRequest? Request);
