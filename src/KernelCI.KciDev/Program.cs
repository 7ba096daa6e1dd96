using KernelCI.KciDev.Cli;

return await KciDevApp.RunAsync(args, CliContext.FromSystem());
