Console.Error.WriteLine("pipeline: the command line is not built yet.");
return 1;
