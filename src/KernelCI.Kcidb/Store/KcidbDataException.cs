using System.Data.Common;

namespace KernelCI.Kcidb.Store;

/// <summary>A value the tables cannot hold (an out-of-range number or date). A database error, so that the batcher
/// retries the batch one submission at a time and fails only the submission that carries it.</summary>
internal sealed class KcidbDataException(string message, Exception inner) : DbException(message, inner);
