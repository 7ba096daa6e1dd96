using KernelCI.Host;

return await KernelCiCommand.Create(new SystemConsole()).Parse(args).InvokeAsync();
