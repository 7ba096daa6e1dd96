using KernelCI.Bench;

return await ScenarioCatalog.RunAsync(args, Console.Out, Console.Error);
