// Every test starts real dotnet processes that train models; running them one at a time keeps a 2-core machine usable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
