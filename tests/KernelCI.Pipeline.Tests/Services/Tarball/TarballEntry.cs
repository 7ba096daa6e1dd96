using System.Formats.Tar;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

internal sealed record TarballEntry(string Name, TarEntryType Type, string Content, string LinkName, bool Executable);
