namespace KernelCI.ServiceDefaults;

/// <summary>The data folder holds the databases, spools, stored files and the JWT secrets: it and every folder made in
/// it are the server user's alone (0700), and so are its database files (0600), whatever the umask.</summary>
public static class DataFolder
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) 0700. One that exists keeps its mode: it may be shared on
    /// purpose (or be /tmp), and an operator tightens it with chmod.</summary>
    public static string Create(string path) =>
        OperatingSystem.IsWindows() || Directory.Exists(path)
            ? Directory.CreateDirectory(path).FullName
            : Directory.CreateDirectory(path, PrivateFolder).FullName;

    /// <summary>Makes a SQLite database file 0600 before SQLite opens it: SQLite gives its -wal, -shm and -journal files
    /// the database file's mode. Existing ones (an older version's 0644) are set too.</summary>
    public static void PrepareSqliteFile(string path)
    {
        Create(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!OperatingSystem.IsWindows() && !File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateFile,
            });
        }

        RestrictSqliteFiles(path);
    }

    /// <summary>Sets a SQLite database's files that exist (the database, -wal, -shm, -journal) to 0600.</summary>
    public static void RestrictSqliteFiles(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file) && File.GetUnixFileMode(file) != PrivateFile)
            {
                File.SetUnixFileMode(file, PrivateFile);
            }
        }
    }
}
