using GanRsSandbox.Cli;

return GanrsCli.Run(args, Console.Out, Console.Error);
