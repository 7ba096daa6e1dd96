namespace KernelCI.Pipeline.Runtimes;

/// <summary>A job's parameters cannot be built (a kbuild without arch, …) or run as given (an arch the lab does not
/// boot, …): the node ends done/incomplete with data.error_code `invalid_job_params`. Thrown by the scheduler's
/// JobParamsBuilder and by the runtimes alike.</summary>
internal sealed class InvalidJobParamsException(string message) : Exception(message);
