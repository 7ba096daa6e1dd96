namespace KernelCI.Kcidb.Logs;

/// <summary>Why a log could not be read: the reason is logged and the result is left untriaged.</summary>
internal sealed class LogUnavailableException(string message) : Exception(message);
