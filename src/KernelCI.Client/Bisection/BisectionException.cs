namespace KernelCI.Client.Bisection;

/// <summary>A bisection that cannot go on: bad input (an unknown commit, good not an ancestor of bad), git failing, a
/// state file that cannot be read, or a step runner failing repeatedly. The message is one line for the user.</summary>
public sealed class BisectionException(string message, Exception? inner = null) : Exception(message, inner);
