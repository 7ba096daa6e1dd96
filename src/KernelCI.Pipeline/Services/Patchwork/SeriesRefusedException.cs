namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>A series that is not tested; the message is the `fail` check's description.</summary>
internal sealed class SeriesRefusedException(string message) : Exception(message);
