namespace KernelCI.Kcidb.Logs;

internal sealed class LogTooLargeException(long limit) : IOException($"the log is larger than Dashboard:ProxyMaxBytes ({limit} bytes)");
