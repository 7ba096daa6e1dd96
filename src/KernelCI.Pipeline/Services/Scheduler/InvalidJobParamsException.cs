namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>A job's parameters cannot be built (a kbuild without arch, …): the node ends done/incomplete with
/// data.error_code `invalid_job_params`.</summary>
internal sealed class InvalidJobParamsException(string message) : Exception(message);
