namespace KernelCI.Pipeline.Runtimes;

/// <summary>A job's params cannot be run as given; the node ends incomplete with error_code invalid_job_params.</summary>
internal sealed class InvalidJobParamsException(string message) : Exception(message);
