namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A job waiting in (or claimed by) a pull lab, as the lab API lists it: the job node's id, its job and
/// platform names, and where its JSON document is (also served at `/api/pull/LAB/jobs/ID/definition`).</summary>
internal sealed record PullJob(string Id, string Name, string? Platform, string Definition, DateTime? Created);
