namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A job waiting in (or claimed by) a pull lab, as the lab API lists it: the job node's id, its job and
/// platform names, and where its JSON document is (also served at `/api/pull/LAB/jobs/ID/definition`). A claim's
/// answer adds until when the claim holds (<paramref name="LeaseUntil"/>; renewed by `POST jobs/ID/progress`) and
/// how many times the job has been claimed.</summary>
internal sealed record PullJob(string Id, string Name, string? Platform, string Definition, DateTime? Created,
    DateTimeOffset? LeaseUntil = null, int? Claims = null);
