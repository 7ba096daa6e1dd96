namespace KernelCI.Pipeline.Services.Patchwork;

internal sealed class MboxTooLargeException(long limit) : Exception($"the series' mbox is larger than {limit / 1024 / 1024} MiB");
