using Pipeline.Bench.Training;

// Modes: no arguments runs both benches; "cli" or "scale" runs one; "--scale N --csv PATH" is the child
// process the scale bench starts per size, so each size's peak memory is its own.
var arguments = BenchArguments.Parse(args);
if (arguments.ChildRows is { } rows)
    return ScaleChild.Run(rows, arguments.ChildCsv ?? throw new ArgumentException("--scale needs --csv PATH"), arguments.SkipSweep);

var output = Console.Out;
output.WriteLine($"Pipeline.Bench.Training on {Environment.ProcessorCount} cores, {LoadAverage.Describe()}");
if (arguments.RunCli)
    new CliBench(arguments, output).Run();
if (arguments.RunScale)
    new ScaleBench(arguments, output).Run();
output.WriteLine($"Done, {LoadAverage.Describe()}");
return 0;
